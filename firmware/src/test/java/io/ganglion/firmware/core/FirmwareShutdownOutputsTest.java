package io.ganglion.firmware.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.FakePca9685;
import io.ganglion.drivers.servo.Pca9685Config;
import io.ganglion.drivers.servo.ServoChannelConfig;
import io.ganglion.drivers.servo.ServoIOPi4j;
import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.law.LawInputs;
import io.ganglion.firmware.runtime.OverrunPolicy;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.sim.io.EStopIOSim;
import io.ganglion.sim.io.EncoderIOSim;
import io.ganglion.firmware.testing.StillJoints;
import io.ganglion.sim.io.SimJoints;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Firmware#shutdownOutputs()} on a real PCA9685 driver over a fake chip: it retries the safe
 * write while the chip does not hold it, and reports whether the outputs ended safe.
 */
class FirmwareShutdownOutputsTest {

  private static final long MS = 1_000_000L;

  private final VirtualClock clock = new VirtualClock();
  private FakeBoard board;
  private FakePca9685 chip;
  private Firmware firmware;

  @BeforeEach
  void armedAndDrivingFullOutput() {
    board = new FakeBoard(clock);
    chip = board.addPca9685(1, 0x40);
    ServoIOPi4j servo = new ServoIOPi4j(board.context(), new Pca9685Config("pwm", 1, 0x40, 50, List.of(
        ServoChannelConfig.normalized("a", 0, 1000, 2000, 1, 0),
        ServoChannelConfig.normalized("b", 1, 1000, 2000, 1, 0))), clock);
    SimJoints still = new StillJoints(2);
    List<EncoderIO> encoders = List.of(new EncoderIOSim(still, 0, clock), new EncoderIOSim(still, 1, clock));
    RobotIo io = new RobotIo(servo, "pwm", encoders, List.of("q0", "q1"), null, "", new EStopIOSim(clock), "estop", null,
        List.of());
    ControlLaw fullAhead = new ControlLaw() {
      @Override
      public String name() {
        return "full";
      }

      @Override
      public int commandCount() {
        return 2;
      }

      @Override
      public void reset() {}

      @Override
      public int step(LawInputs in, double[] commands) {
        commands[0] = 1;
        commands[1] = 1;
        return 0;
      }
    };
    FirmwareSettings settings = new FirmwareSettings(MS, 4 * MS, 0, 10 * MS, 0, OverrunPolicy.SKIP, 3, 3, 20 * MS, true, 100, 20);
    firmware = Firmware.builder(clock, io, fullAhead, settings).build();
    firmware.run(100 * MS);
    assertEquals(ArmState.ARMED, firmware.failsafe().state());
    assertEquals(2000, chip.pulseWidthUs(0), 2.5, "full output");
  }

  @AfterEach
  void close() {
    board.close();
  }

  @Test
  void aTransientBusFaultAtShutdownIsRetriedUntilTheChipHoldsTheSafeValues() {
    chip.failNextTransactions(2);
    assertTrue(firmware.shutdownOutputs());
    assertTrue(firmware.data().servo.safeApplied);
    assertEquals(1500, chip.pulseWidthUs(0), 2.5);
    assertEquals(1500, chip.pulseWidthUs(1), 2.5);
  }

  @Test
  void aDeadBusAtShutdownIsReportedNotSafeAfterEveryAttempt() {
    chip.setBusError(true);
    long writesBefore = chip.writeTransactions();
    assertFalse(firmware.shutdownOutputs());
    assertFalse(firmware.data().servo.safeApplied, "the chip never got the safe values");
    assertEquals(2000, chip.pulseWidthUs(0), 2.5, "and still drives full output");
    assertEquals(ArmState.DISARMED, firmware.failsafe().state());
    assertTrue(firmware.data().servo.busErrorCount >= Firmware.SHUTDOWN_ATTEMPTS, "one failed write per attempt at least");
    assertEquals(writesBefore, chip.writeTransactions(), "nothing got through");
  }
}
