package io.ganglion.drivers.imu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.FakeMpu6050;
import io.ganglion.drivers.fake.ManualNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** MPU-6050 initialisation, scale settings and SI conversion, through the fake chip. */
class ImuIOPi4jTest {

  private final ManualNanoClock clock = new ManualNanoClock(0);
  private FakeBoard board;
  private FakeMpu6050 chip;
  private final ImuInputs in = new ImuInputs();

  @BeforeEach
  void setUp() {
    board = new FakeBoard(clock);
    chip = board.addMpu6050(1, 0x68);
  }

  @AfterEach
  void tearDown() {
    board.close();
  }

  private ImuIOPi4j open(int accelG, int gyroDps) {
    return new ImuIOPi4j(board.context(), new Mpu6050Config("imu", 1, 0x68, accelG, gyroDps, 3, 4, 50), clock);
  }

  @Test
  void initialisationWakesTheChipAndWritesTheScaleRegisters() {
    assertTrue(chip.isSleeping(), "power-on state");
    open(8, 1000);
    assertFalse(chip.isSleeping());
    assertEquals(0x01, chip.register(0x6B), "PWR_MGMT_1: awake, PLL with X gyro");
    assertEquals(4, chip.register(0x19), "SMPLRT_DIV");
    assertEquals(3, chip.register(0x1A), "CONFIG.DLPF_CFG");
    assertEquals(2 << 3, chip.register(0x1B), "GYRO_CONFIG.FS_SEL = 2 for 1000 deg/s");
    assertEquals(2 << 3, chip.register(0x1C), "ACCEL_CONFIG.AFS_SEL = 2 for 8 g");
  }

  @ParameterizedTest(name = "+-{0} g, +-{1} deg/s")
  @CsvSource({"2, 250", "4, 500", "8, 1000", "16, 2000"})
  void everyScaleSettingConvertsToTheSameSiValues(int accelG, int gyroDps) {
    ImuIOPi4j io = open(accelG, gyroDps);
    chip.setAcceleration(1.5, -2.0, 9.80665);
    chip.setAngularVelocity(0.5, -1.0, 2.0);
    chip.setTemperatureC(30.0);
    io.updateInputs(in);
    assertTrue(in.valid);
    assertEquals(0, in.faultFlags);
    double accelLsb = 9.80665 / (16384 >> Integer.numberOfTrailingZeros(accelG / 2));
    double gyroLsb = Math.toRadians(1.0) / new double[] {131, 65.5, 32.8, 16.4}[Integer.numberOfTrailingZeros(gyroDps / 250)];
    assertEquals(1.5, in.accelMps2[0], accelLsb);
    assertEquals(-2.0, in.accelMps2[1], accelLsb);
    assertEquals(9.80665, in.accelMps2[2], accelLsb);
    assertEquals(0.5, in.gyroRadPerSec[0], gyroLsb);
    assertEquals(-1.0, in.gyroRadPerSec[1], gyroLsb);
    assertEquals(2.0, in.gyroRadPerSec[2], gyroLsb);
    assertEquals(30.0, in.temperatureC, 1 / 340.0);
    assertEquals(0x68, in.whoAmI);
  }

  @Test
  void rawCountsAreBigEndianSignedSixteenBit() {
    ImuIOPi4j io = open(2, 250);
    chip.setAcceleration(-9.80665, 0, 0); // -1 g = -16384 = 0xC000
    io.updateInputs(in);
    assertEquals(-16384, in.rawAccel[0]);
    assertEquals(0xC0, chip.register(0x3B));
    assertEquals(0x00, chip.register(0x3C));
  }

  @Test
  void accelerationBeyondFullScaleSaturates() {
    ImuIOPi4j io = open(2, 250);
    chip.setAcceleration(0, 0, 3 * 9.80665);
    io.updateInputs(in);
    assertEquals(32767, in.rawAccel[2]);
    assertEquals(DeviceFaults.SATURATED, in.faultFlags);
    assertEquals(1, in.saturatedCount);
    assertTrue(in.valid, "saturated data is still data");
  }

  @Test
  void wrongWhoAmIIsReportedAndNothingIsWritten() {
    chip.setWhoAmI(0x70); // an MPU-6500
    ImuIOPi4j io = open(4, 500);
    io.updateInputs(in);
    assertFalse(in.valid);
    assertTrue(in.connected);
    assertEquals(0x70, in.whoAmI);
    assertEquals(DeviceFaults.WRONG_DEVICE | DeviceFaults.NOT_INITIALIZED, in.faultFlags);
    assertTrue(chip.isSleeping(), "an unknown chip is left alone");
  }

  @Test
  void missingChipIsInitialisedOnceItAnswersAfterTheRetryInterval() {
    chip.setPresent(false);
    ImuIOPi4j io = open(4, 500);
    io.updateInputs(in);
    assertFalse(in.connected);
    assertEquals(DeviceFaults.BUS_ERROR | DeviceFaults.NOT_INITIALIZED, in.faultFlags);
    chip.setPresent(true);
    clock.advance(ImuIOPi4j.RETRY_INTERVAL_NANOS / 2);
    io.updateInputs(in);
    assertFalse(in.valid, "still waiting for the retry interval");
    clock.advance(ImuIOPi4j.RETRY_INTERVAL_NANOS / 2);
    io.updateInputs(in);
    assertTrue(in.valid);
    assertEquals(1, in.initCount);
    assertEquals(9.80665, in.accelMps2[2], 0.01);
  }

  @Test
  void busErrorOnReadIsFlaggedAndTheNextReadRecovers() {
    ImuIOPi4j io = open(4, 500);
    chip.failNextTransactions(1);
    io.updateInputs(in);
    assertEquals(DeviceFaults.BUS_ERROR, in.faultFlags);
    assertFalse(in.valid);
    io.updateInputs(in);
    assertTrue(in.valid);
    assertEquals(1, in.busErrorCount);
  }

  @Test
  void frozenDataIsDetectedAsStuck() {
    ImuIOPi4j io = open(4, 500);
    chip.setStuck(true);
    for (int i = 0; i < 49; i++) {
      io.updateInputs(in);
      assertEquals(0, in.faultFlags & DeviceFaults.STUCK, "read " + i);
    }
    io.updateInputs(in);
    assertTrue((in.faultFlags & DeviceFaults.STUCK) != 0);
    assertFalse(in.valid);
    chip.setStuck(false);
    chip.setAngularVelocity(0.1, 0, 0);
    clock.advance(ImuIOPi4j.RETRY_INTERVAL_NANOS);
    io.updateInputs(in);
    assertTrue(in.valid);
    assertEquals(0, in.faultFlags);
  }

  @Test
  void chipResetToSleepIsWokenAgainAfterItsDataFreezes() {
    ImuIOPi4j io = open(4, 500);
    io.updateInputs(in);
    chip.powerOnReset(); // sleeping, data registers zeroed and frozen
    for (int i = 0; i < 60; i++) {
      clock.advance(3_000_000L); // stuck after 50 reads = 150 ms, past the 100 ms retry interval
      io.updateInputs(in);
    }
    assertFalse(chip.isSleeping(), "re-initialised after the stuck detection");
    assertEquals(2, in.initCount);
    chip.setAcceleration(0, 0, -9.80665);
    clock.advance(ImuIOPi4j.RETRY_INTERVAL_NANOS);
    io.updateInputs(in);
    assertTrue(in.valid);
    assertEquals(-9.80665, in.accelMps2[2], 0.01);
  }
}
