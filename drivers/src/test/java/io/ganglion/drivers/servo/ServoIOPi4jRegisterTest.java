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

/** The PCA9685 driver writes the registers the datasheet asks for, seen through the fake chip. */
class ServoIOPi4jRegisterTest {

  private final ManualNanoClock clock = new ManualNanoClock(1_000_000_000L);
  private FakeBoard board;
  private FakePca9685 chip;

  @BeforeEach
  void setUp() {
    board = new FakeBoard(clock);
    chip = board.addPca9685(1, 0x40);
  }

  @AfterEach
  void tearDown() {
    board.close();
  }

  private ServoIOPi4j open(double frequencyHz, List<ServoChannelConfig> channels) {
    return new ServoIOPi4j(board.context(), new Pca9685Config("servos", 1, 0x40, frequencyHz, channels), clock);
  }

  @Test
  void initialisationWakesTheChipWithAutoIncrementAndThePrescaleFor50Hz() {
    open(50, List.of(ServoChannelConfig.normalized("a", 0, 1000, 2000, 1, 0)));
    // prescale = round(25e6 / (4096 * 50)) - 1 = round(122.07) - 1 = 121
    assertEquals(121, chip.prescale());
    assertEquals(0x20, chip.mode1(), "MODE1: AI set, SLEEP and ALLCALL clear");
    assertEquals(0x04, chip.mode2(), "MODE2: totem-pole outputs");
    assertFalse(chip.isSleeping());
    assertEquals(25e6 / (4096 * 122), chip.outputFrequencyHz(), 1e-9);
    for (int ch = 0; ch < 16; ch++) {
      assertTrue(chip.fullOffBit(ch), "outputs stay off until the first apply, channel " + ch);
    }
  }

  @Test
  void normalizedCommandMapsLinearlyOntoThePulseRange() {
    ServoIOPi4j io = open(50, List.of(ServoChannelConfig.normalized("a", 3, 1000, 2000, 1, 0)));
    double countUs = 122 / 25e6 * 1e6; // 4.88 us per count at prescale 121
    io.apply(new double[] {0.0});
    assertEquals(1500, chip.pulseWidthUs(3), countUs / 2 + 1e-9);
    assertEquals(Math.round(1500 / countUs), chip.offCount(3));
    assertEquals(0, chip.onCount(3));
    io.apply(new double[] {-1.0});
    assertEquals(1000, chip.pulseWidthUs(3), countUs / 2 + 1e-9);
    io.apply(new double[] {1.0});
    assertEquals(2000, chip.pulseWidthUs(3), countUs / 2 + 1e-9);
    io.apply(new double[] {0.5});
    assertEquals(1750, chip.pulseWidthUs(3), countUs / 2 + 1e-9);
  }

  @Test
  void reversedDirectionSwapsThePulseEnds() {
    ServoIOPi4j io = open(50, List.of(ServoChannelConfig.normalized("a", 0, 1000, 2000, -1, 0)));
    io.apply(new double[] {1.0});
    assertEquals(1000, chip.pulseWidthUs(0), 2.5);
    io.apply(new double[] {-0.5});
    assertEquals(1750, chip.pulseWidthUs(0), 2.5);
  }

  @Test
  void angleCommandIsClampedToTheLimitsAndReportedAsLimited() {
    ServoChannelConfig joint = ServoChannelConfig.angle("hip", 5, 500, 2500, 1,
        -Math.PI / 2, Math.PI / 2, -0.5, 0.5, 0.0);
    ServoIOPi4j io = open(50, List.of(joint));
    ServoInputs in = new ServoInputs(1);
    io.apply(new double[] {1.2});
    io.updateInputs(in);
    assertTrue(in.limited[0]);
    assertEquals(0.5, in.commands[0]);
    // 0.5 rad of a 180 degree travel over 2000 us: 1500 + 0.5 / pi * 2000 = 1818.3 us
    assertEquals(1500 + 0.5 / Math.PI * 2000, chip.pulseWidthUs(5), 2.5);
    io.apply(new double[] {0.25});
    io.updateInputs(in);
    assertFalse(in.limited[0]);
    assertEquals(1500 + 0.25 / Math.PI * 2000, in.pulseWidthUs[0], 2.5);
    assertEquals(in.pulseWidthUs[0], chip.pulseWidthUs(5), 1e-9, "inputs report what the chip outputs");
  }

  @Test
  void adjacentChangedChannelsGoOutInOneAutoIncrementTransaction() {
    ServoIOPi4j io = open(50, List.of(
        ServoChannelConfig.normalized("a", 4, 1000, 2000, 1, 0),
        ServoChannelConfig.normalized("b", 5, 1000, 2000, 1, 0),
        ServoChannelConfig.normalized("c", 6, 1000, 2000, 1, 0),
        ServoChannelConfig.normalized("d", 9, 1000, 2000, 1, 0)));
    long before = chip.writeTransactions();
    io.apply(new double[] {0.1, 0.2, 0.3, 0.4});
    assertEquals(2, chip.writeTransactions() - before, "channels 4..6 in one write, channel 9 in another");
    assertEquals(0x06 + 4 * 9, chip.lastWriteRegister());
    assertEquals(4, chip.lastWriteDataBytes());
    before = chip.writeTransactions();
    io.apply(new double[] {0.1, 0.2, 0.3, 0.4});
    assertEquals(0, chip.writeTransactions() - before, "unchanged commands write nothing");
    io.apply(new double[] {0.1, -0.7, 0.3, 0.4});
    assertEquals(1, chip.writeTransactions() - before);
    assertEquals(0x06 + 4 * 5, chip.lastWriteRegister());
    assertEquals(1150, chip.pulseWidthUs(5), 2.5);
    assertEquals(1550, chip.pulseWidthUs(4), 2.5);
  }

  @Test
  void zeroPulseIsFullOffAndAFullPeriodIsFullOn() {
    // an on/off load: 0 us at -1, the whole 20 ms period at +1
    double periodUs = 1e6 / (25e6 / (4096 * 122.0));
    ServoIOPi4j io = open(50, List.of(new ServoChannelConfig("pump", 2, 0, periodUs, 1, -1, 1, -1, 1, -1)));
    io.apply(new double[] {-1});
    assertTrue(chip.fullOffBit(2));
    assertEquals(0.0, chip.pulseWidthUs(2));
    io.apply(new double[] {1});
    assertFalse(chip.fullOffBit(2));
    assertTrue(chip.fullOnBit(2));
    assertEquals(periodUs, chip.pulseWidthUs(2), 1e-6);
  }

  @Test
  void applySafeDrivesEveryChannelToItsSafeValueAndDisableAllTurnsEverythingOff() {
    ServoIOPi4j io = open(50, List.of(
        ServoChannelConfig.normalized("a", 0, 1000, 2000, 1, 0.0),
        ServoChannelConfig.angle("b", 1, 500, 2500, 1, -Math.PI / 2, Math.PI / 2, -1, 1, 0.3)));
    ServoInputs in = new ServoInputs(2);
    io.apply(new double[] {0.9, -0.9});
    io.applySafe();
    io.updateInputs(in);
    assertTrue(in.safeApplied);
    assertEquals(1500, chip.pulseWidthUs(0), 2.5);
    assertEquals(1500 + 0.3 / Math.PI * 2000, chip.pulseWidthUs(1), 2.5);
    io.disableAll();
    io.updateInputs(in);
    assertTrue(in.disabled);
    assertEquals(0xFA, chip.lastWriteRegister(), "one ALL_LED write");
    for (int ch = 0; ch < 16; ch++) {
      assertEquals(0.0, chip.pulseWidthUs(ch));
    }
    io.apply(new double[] {0, 0});
    assertEquals(1500, chip.pulseWidthUs(0), 2.5);
  }

  @Test
  void higherFrequencyUsesTheSmallerPrescaleAndKeepsPulseWidthsInMicroseconds() {
    ServoIOPi4j io = open(333, List.of(ServoChannelConfig.normalized("a", 0, 1000, 2000, 1, 0)));
    // round(25e6 / (4096 * 333)) - 1 = round(18.33) - 1 = 17
    assertEquals(17, chip.prescale());
    io.apply(new double[] {0.0});
    assertEquals(1500, chip.pulseWidthUs(0), 18 / 25e6 * 1e6 / 2 + 1e-9);
  }

  @Test
  void nonFiniteCommandDrivesThatChannelSafeAndFlagsInvalidCommand() {
    ServoIOPi4j io = open(50, List.of(
        ServoChannelConfig.normalized("a", 0, 1000, 2000, 1, 0.0),
        ServoChannelConfig.normalized("b", 1, 1000, 2000, 1, -0.5)));
    ServoInputs in = new ServoInputs(2);
    io.apply(new double[] {0.8, Double.NaN});
    io.updateInputs(in);
    assertEquals(1900, chip.pulseWidthUs(0), 2.5);
    assertEquals(1250, chip.pulseWidthUs(1), 2.5);
    assertTrue((in.faultFlags & DeviceFaults.INVALID_COMMAND) != 0);
    io.apply(new double[] {0.8});
    io.updateInputs(in);
    assertEquals(1500, chip.pulseWidthUs(0), 2.5, "wrong length: everything safe");
    io.apply(new double[] {0.8, 0.8});
    io.updateInputs(in);
    assertEquals(0, in.faultFlags);
  }
}
