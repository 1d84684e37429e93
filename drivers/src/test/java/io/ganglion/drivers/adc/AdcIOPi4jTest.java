package io.ganglion.drivers.adc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.fake.FakeAds1115;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.ManualNanoClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ADS1115 config words, conversion timing, scanning and scaling, through the fake chip. */
class AdcIOPi4jTest {

  private final ManualNanoClock clock = new ManualNanoClock(0);
  private FakeBoard board;
  private FakeAds1115 chip;

  @BeforeEach
  void setUp() {
    board = new FakeBoard(clock);
    chip = board.addAds1115(1, 0x48);
  }

  @AfterEach
  void tearDown() {
    board.close();
  }

  @Test
  void singleShotWritesTheConfigWordAndCollectsOnlyAfterTheConversionTime() {
    AdcIOPi4j io = new AdcIOPi4j(board.context(), new Ads1115Config("adc", 1, 0x48, 860, false,
        List.of(Ads1115ChannelConfig.of("a", Ads1115Input.AIN2, 4.096))), clock);
    AdcInputs in = new AdcInputs(1);
    chip.setInputVoltage(2, 1.234);
    io.updateInputs(in);
    // OS=1, MUX=110 (AIN2/GND), PGA=001 (4.096 V), MODE=1, DR=111 (860 SPS), COMP_QUE=11
    assertEquals(0b0_110_001_1_111_00011 & 0x7FFF, chip.config());
    assertFalse(in.fresh[0]);
    long reads = chip.readTransactions();
    clock.advance(chip.conversionNanos() - 1);
    io.updateInputs(in);
    assertEquals(reads, chip.readTransactions(), "no polling before the nominal conversion time");
    clock.advance(1);
    io.updateInputs(in);
    assertTrue(in.fresh[0]);
    // code = round(1.234 / 4.096 * 32768) = 9872; V = 9872 * 4.096 / 32768 = 1.234
    assertEquals(9872, in.raw[0]);
    assertEquals(1.234, in.volts[0], 4.096 / 32768);
    assertEquals(1, in.conversionCount);
    assertEquals(0, in.faultFlags);
  }

  @Test
  void channelsAreScannedRoundRobinWithTheirOwnGainAndScale() {
    AdcIOPi4j io = new AdcIOPi4j(board.context(), new Ads1115Config("adc", 1, 0x48, 475, false, List.of(
        new Ads1115ChannelConfig("battery", Ads1115Input.AIN0, 4.096, 11.0),
        Ads1115ChannelConfig.of("current", Ads1115Input.AIN2_AIN3, 0.256),
        Ads1115ChannelConfig.of("pot", Ads1115Input.AIN1, 6.144))), clock);
    AdcInputs in = new AdcInputs(3);
    chip.setInputVoltage(0, 1.1);   // 12.1 V battery behind a 10k/1k divider
    chip.setInputVoltage(2, 0.150);
    chip.setInputVoltage(3, 0.200); // -50 mV across the shunt
    chip.setInputVoltage(1, 3.3);
    long step = chip.conversionNanos();
    for (int i = 0; i < 7; i++) {
      io.updateInputs(in);
      clock.advance(step);
    }
    io.updateInputs(in);
    assertEquals(12.1, in.volts[0], 11 * 4.096 / 32768);
    assertEquals(-0.050, in.volts[1], 0.256 / 32768);
    assertEquals(3.3, in.volts[2], 6.144 / 32768);
    assertEquals(7, in.conversionCount);
    assertTrue(in.sampleTimestampNanos[0] > in.sampleTimestampNanos[2], "channel 0 was collected last");
  }

  @Test
  void inputBeyondFullScaleClampsToTheLargestCode() {
    AdcIOPi4j io = new AdcIOPi4j(board.context(), new Ads1115Config("adc", 1, 0x48, 860, false,
        List.of(Ads1115ChannelConfig.of("a", Ads1115Input.AIN0, 1.024))), clock);
    AdcInputs in = new AdcInputs(1);
    chip.setInputVoltage(0, 2.0);
    io.updateInputs(in);
    clock.advance(chip.conversionNanos());
    io.updateInputs(in);
    assertEquals(32767, in.raw[0]);
  }

  @Test
  void continuousModeConfiguresOnceAndReadsTheLatestConversion() {
    AdcIOPi4j io = new AdcIOPi4j(board.context(), new Ads1115Config("adc", 1, 0x48, 128, true,
        List.of(Ads1115ChannelConfig.of("a", Ads1115Input.AIN3, 2.048))), clock);
    AdcInputs in = new AdcInputs(1);
    chip.setInputVoltage(3, 0.5);
    io.updateInputs(in);
    assertTrue(chip.continuous());
    clock.advance(chip.conversionNanos());
    io.updateInputs(in);
    assertEquals(0.5, in.volts[0], 2.048 / 32768);
    chip.setInputVoltage(3, 0.75);
    clock.advance(chip.conversionNanos());
    io.updateInputs(in);
    assertEquals(0.75, in.volts[0], 2.048 / 32768);
    assertEquals(2, chip.conversions());
  }

  @Test
  void conversionThatNeverFinishesIsFlaggedNotReadyAndRestarted() {
    AdcIOPi4j io = new AdcIOPi4j(board.context(), new Ads1115Config("adc", 1, 0x48, 128, false,
        List.of(Ads1115ChannelConfig.of("a", Ads1115Input.AIN0, 4.096))), clock);
    AdcInputs in = new AdcInputs(1);
    chip.setInputVoltage(0, 0.8);
    chip.setStalled(true);
    io.updateInputs(in);
    long t = chip.conversionNanos(); // 7.8125 ms at 128 SPS
    clock.advance(2 * t);
    io.updateInputs(in);
    assertEquals(0, in.faultFlags, "not done yet, still within twice the conversion time + 1 ms");
    clock.advance(1_000_001L);
    io.updateInputs(in);
    assertEquals(DeviceFaults.NOT_READY, in.faultFlags);
    assertEquals(1, in.notReadyCount);
    chip.setStalled(false);
    clock.advance(t);
    io.updateInputs(in);
    assertTrue(in.fresh[0]);
    assertEquals(0.8, in.volts[0], 4.096 / 32768);
  }

  @Test
  void garbageOnTheBusFailsTheConfigReadback() {
    AdcIOPi4j io = new AdcIOPi4j(board.context(), new Ads1115Config("adc", 1, 0x48, 860, false,
        List.of(Ads1115ChannelConfig.of("a", Ads1115Input.AIN0, 4.096))), clock);
    AdcInputs in = new AdcInputs(1);
    io.updateInputs(in);
    chip.injectGarbage(7);
    clock.advance(chip.conversionNanos());
    io.updateInputs(in);
    assertEquals(DeviceFaults.CONFIG_MISMATCH, in.faultFlags);
    assertFalse(in.fresh[0], "no value is taken from a chip that answers garbage");
    chip.clearGarbage();
    chip.setInputVoltage(0, 1.5);
    clock.advance(chip.conversionNanos());
    io.updateInputs(in);
    assertTrue(in.fresh[0]);
    assertEquals(1.5, in.volts[0], 4.096 / 32768);
  }

  @Test
  void chipResetIsCaughtByTheConfigReadback() {
    AdcIOPi4j io = new AdcIOPi4j(board.context(), new Ads1115Config("adc", 1, 0x48, 860, false,
        List.of(Ads1115ChannelConfig.of("a", Ads1115Input.AIN1, 4.096))), clock);
    AdcInputs in = new AdcInputs(1);
    chip.setInputVoltage(1, 2.0);
    io.updateInputs(in);
    chip.powerOnReset();
    clock.advance(chip.conversionNanos());
    io.updateInputs(in);
    assertEquals(DeviceFaults.CONFIG_MISMATCH, in.faultFlags);
    assertEquals(1, in.configMismatchCount);
    assertFalse(in.fresh[0]);
    clock.advance(chip.conversionNanos());
    io.updateInputs(in);
    assertTrue(in.fresh[0]);
    assertEquals(2.0, in.volts[0], 4.096 / 32768);
  }

  @Test
  void busErrorIsFlaggedAndTheScanResumes() {
    AdcIOPi4j io = new AdcIOPi4j(board.context(), new Ads1115Config("adc", 1, 0x48, 860, false,
        List.of(Ads1115ChannelConfig.of("a", Ads1115Input.AIN0, 4.096))), clock);
    AdcInputs in = new AdcInputs(1);
    chip.setInputVoltage(0, 1.0);
    chip.setPresent(false);
    io.updateInputs(in);
    assertFalse(in.connected);
    assertEquals(DeviceFaults.BUS_ERROR, in.faultFlags);
    chip.setPresent(true);
    io.updateInputs(in);
    clock.advance(chip.conversionNanos());
    io.updateInputs(in);
    assertTrue(in.connected);
    assertTrue(in.fresh[0]);
    assertEquals(1.0, in.volts[0], 4.096 / 32768);
  }
}
