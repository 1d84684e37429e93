package io.ganglion.drivers.servo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.FakePca9685;
import io.ganglion.drivers.fake.ManualNanoClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bus errors, a missing chip and a chip reset become flags and counters, never exceptions. */
class ServoIOPi4jFaultTest {

  private final ManualNanoClock clock = new ManualNanoClock(5_000_000_000L);
  private FakeBoard board;
  private FakePca9685 chip;
  private final Pca9685Config config = new Pca9685Config("servos", 1, 0x40, 50, List.of(
      ServoChannelConfig.normalized("a", 0, 1000, 2000, 1, 0),
      ServoChannelConfig.normalized("b", 1, 1000, 2000, 1, 0)));

  @BeforeEach
  void setUp() {
    board = new FakeBoard(clock);
    chip = board.addPca9685(1, 0x40);
  }

  @AfterEach
  void tearDown() {
    board.close();
  }

  @Test
  void busErrorDuringApplySetsTheFaultAndTheCommandIsDeliveredAfterRecovery() {
    ServoIOPi4j io = new ServoIOPi4j(board.context(), config, clock);
    ServoInputs in = new ServoInputs(2);
    chip.setBusError(true);
    io.apply(new double[] {0.5, -0.5});
    io.updateInputs(in);
    assertFalse(in.connected);
    assertTrue((in.faultFlags & DeviceFaults.BUS_ERROR) != 0);
    assertEquals(2, in.busErrorCount, "the failed channel write and the failed MODE1 read");
    assertEquals(0.0, chip.pulseWidthUs(0));
    chip.setBusError(false);
    io.updateInputs(in);
    assertTrue(in.connected);
    io.apply(new double[] {0.5, -0.5});
    assertEquals(1750, chip.pulseWidthUs(0), 2.5, "unchanged command is still re-sent after the failure");
    assertEquals(1250, chip.pulseWidthUs(1), 2.5);
    io.updateInputs(in);
    assertEquals(0, in.faultFlags);
  }

  @Test
  void missingChipAtStartIsReportedAndInitialisedWhenItAppears() {
    chip.setPresent(false);
    ServoIOPi4j io = new ServoIOPi4j(board.context(), config, clock);
    ServoInputs in = new ServoInputs(2);
    io.apply(new double[] {0.2, 0.2});
    io.updateInputs(in);
    assertFalse(in.connected);
    assertTrue((in.faultFlags & DeviceFaults.NOT_INITIALIZED) != 0);
    chip.setPresent(true);
    io.apply(new double[] {0.2, 0.2});
    assertTrue(chip.isSleeping(), "re-initialisation waits for the 100 ms retry interval");
    clock.advance(ServoIOPi4j.RETRY_INTERVAL_NANOS);
    io.apply(new double[] {0.2, 0.2});
    assertFalse(chip.isSleeping());
    assertEquals(121, chip.prescale());
    assertEquals(1600, chip.pulseWidthUs(0), 2.5);
    io.updateInputs(in);
    assertEquals(0, in.faultFlags);
    assertTrue(in.connected);
  }

  @Test
  void chipResetByAPowerGlitchIsDetectedAndReinitialisedWithTheLastCommands() {
    ServoIOPi4j io = new ServoIOPi4j(board.context(), config, clock);
    ServoInputs in = new ServoInputs(2);
    io.apply(new double[] {0.4, -0.4});
    chip.powerOnReset();
    assertTrue(chip.isSleeping());
    io.updateInputs(in);
    assertEquals(1, in.resetCount);
    assertTrue((in.faultFlags & DeviceFaults.DEVICE_RESET) != 0);
    io.updateInputs(in);
    assertFalse(chip.isSleeping(), "re-initialised on the next tick");
    assertEquals(121, chip.prescale());
    assertEquals(1700, chip.pulseWidthUs(0), 2.5);
    assertEquals(1300, chip.pulseWidthUs(1), 2.5);
    assertEquals(0, in.faultFlags & DeviceFaults.NOT_INITIALIZED);
    io.updateInputs(in);
    assertEquals(0, in.faultFlags);
  }

  @Test
  void transientErrorInTheMiddleOfAWriteLeavesOnlyThatRunToResend() {
    ServoIOPi4j io = new ServoIOPi4j(board.context(), new Pca9685Config("servos", 1, 0x40, 50, List.of(
        ServoChannelConfig.normalized("a", 0, 1000, 2000, 1, 0),
        ServoChannelConfig.normalized("b", 8, 1000, 2000, 1, 0))), clock);
    chip.failNextTransactions(1);
    io.apply(new double[] {1, 1});
    assertEquals(0.0, chip.pulseWidthUs(0), "first run failed");
    io.apply(new double[] {1, 1});
    assertEquals(2000, chip.pulseWidthUs(0), 2.5);
    assertEquals(2000, chip.pulseWidthUs(8), 2.5);
  }

  @Test
  void disableAllOnADeadBusDoesNotThrowAndIsRetriedAsAFullWrite() {
    ServoIOPi4j io = new ServoIOPi4j(board.context(), config, clock);
    io.apply(new double[] {1, 1});
    chip.setBusError(true);
    io.disableAll();
    assertEquals(2000, chip.pulseWidthUs(0), 2.5, "the chip never got the message");
    chip.setBusError(false);
    io.apply(new double[] {1, 1});
    io.disableAll();
    assertEquals(0.0, chip.pulseWidthUs(0));
    assertEquals(0.0, chip.pulseWidthUs(1));
  }

  @Test
  void applySafeOnADeadBusIsNotReportedSafeUntilTheChipHoldsTheSafeValues() {
    ServoIOPi4j io = new ServoIOPi4j(board.context(), config, clock);
    ServoInputs in = new ServoInputs(2);
    io.apply(new double[] {1, 1});
    chip.setBusError(true);
    io.applySafe();
    io.updateInputs(in);
    assertEquals(2000, chip.pulseWidthUs(0), 2.5, "the chip still drives full output");
    assertFalse(in.safeApplied, "a safe command that never reached the chip is not safe");
    io.applySafe();
    io.updateInputs(in);
    assertFalse(in.safeApplied, "still dead");
    chip.setBusError(false);
    io.applySafe();
    io.updateInputs(in);
    assertTrue(in.safeApplied, "the retry reached the chip");
    assertEquals(1500, chip.pulseWidthUs(0), 2.5);
    assertEquals(1500, chip.pulseWidthUs(1), 2.5);
  }

  @Test
  void applySafeBeforeTheChipAnswersIsNotReportedSafe() {
    chip.setPresent(false);
    ServoIOPi4j io = new ServoIOPi4j(board.context(), config, clock);
    ServoInputs in = new ServoInputs(2);
    io.applySafe();
    io.updateInputs(in);
    assertFalse(in.safeApplied, "an uninitialised chip holds nothing");
    chip.setPresent(true);
    clock.advance(ServoIOPi4j.RETRY_INTERVAL_NANOS);
    io.applySafe();
    io.updateInputs(in);
    assertTrue(in.safeApplied);
    assertEquals(1500, chip.pulseWidthUs(0), 2.5);
  }

  @Test
  void aChipResetAfterApplySafeClearsSafeAppliedUntilItIsRewritten() {
    ServoIOPi4j io = new ServoIOPi4j(board.context(), config, clock);
    ServoInputs in = new ServoInputs(2);
    io.applySafe();
    io.updateInputs(in);
    assertTrue(in.safeApplied);
    chip.powerOnReset();
    io.updateInputs(in);
    assertFalse(in.safeApplied, "the reset chip outputs nothing");
    io.updateInputs(in);
    assertTrue(in.safeApplied, "re-initialised with the safe values");
    assertEquals(1500, chip.pulseWidthUs(0), 2.5);
  }
}
