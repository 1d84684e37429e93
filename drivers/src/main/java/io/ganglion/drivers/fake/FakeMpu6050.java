package io.ganglion.drivers.fake;

/**
 * InvenSense MPU-6050 6-axis IMU, modelled from its register map (RM-MPU-6000A-00 rev 4.2):
 *
 * <ul>
 *   <li>SMPLRT_DIV 0x19, CONFIG 0x1A, GYRO_CONFIG 0x1B (FS_SEL in bits 4..3), ACCEL_CONFIG 0x1C
 *       (AFS_SEL in bits 4..3), read/write;
 *   <li>ACCEL_XOUT_H 0x3B .. GYRO_ZOUT_L 0x48: seven big-endian int16 (accel x, y, z, temperature,
 *       gyro x, y, z), refreshed from the physical inputs at the start of each read while awake,
 *       so a burst read is one coherent sample; saturating at -32768/32767;
 *   <li>PWR_MGMT_1 0x6B, power-on 0x40 (SLEEP): while asleep the data registers keep their last
 *       values; bit 7 (DEVICE_RESET) resets every register and clears itself;
 *   <li>WHO_AM_I 0x75 = 0x68 (read-only; {@link #setWhoAmI} models a clone or another chip);
 *   <li>the pointer auto-increments after every byte.
 * </ul>
 *
 * <p>Sensitivities (datasheet PS-MPU-6000A-00 tables 6.1/6.2): accel 16384/8192/4096/2048 LSB/g,
 * gyro 131/65.5/32.8/16.4 LSB/(deg/s); temperature = raw / 340 + 36.53 degC.
 */
public final class FakeMpu6050 extends FakeRegisterDevice {

  public static final int DEFAULT_ADDRESS = 0x68;
  /** Standard gravity used for LSB/g: 9.80665 m/s^2. */
  public static final double G = 9.80665;

  private static final int GYRO_CONFIG = 0x1B;
  private static final int ACCEL_CONFIG = 0x1C;
  private static final int ACCEL_XOUT_H = 0x3B;
  private static final int GYRO_ZOUT_L = 0x48;
  private static final int PWR_MGMT_1 = 0x6B;
  private static final int WHO_AM_I = 0x75;
  private static final double[] ACCEL_LSB_PER_G = {16384, 8192, 4096, 2048};
  private static final double[] GYRO_LSB_PER_DPS = {131, 65.5, 32.8, 16.4};

  private final int[] regs = new int[128];
  private final double[] accelMps2 = {0, 0, G};
  private final double[] gyroRadPerSec = new double[3];
  private double temperatureC = 25.0;
  private int whoAmI = 0x68;
  private boolean stuck;

  public FakeMpu6050() {
    this(DEFAULT_ADDRESS);
  }

  public FakeMpu6050(int address) {
    super("MPU-6050", address);
    powerOnReset();
  }

  @Override
  public synchronized void powerOnReset() {
    java.util.Arrays.fill(regs, 0);
    regs[PWR_MGMT_1] = 0x40;
    pointer = 0;
  }

  /** Specific force along the sensor axes in m/s^2 (at rest, level: 0, 0, +9.80665). */
  public synchronized void setAcceleration(double x, double y, double z) {
    accelMps2[0] = x;
    accelMps2[1] = y;
    accelMps2[2] = z;
  }

  /** Angular velocity about the sensor axes in rad/s. */
  public synchronized void setAngularVelocity(double x, double y, double z) {
    gyroRadPerSec[0] = x;
    gyroRadPerSec[1] = y;
    gyroRadPerSec[2] = z;
  }

  /** Die temperature in degC. */
  public synchronized void setTemperatureC(double c) {
    temperatureC = c;
  }

  /** The value WHO_AM_I returns (0x68 for a genuine MPU-6050). */
  public synchronized void setWhoAmI(int value) {
    whoAmI = value & 0xFF;
  }

  /** True: the data registers stop changing (a hung sensor). */
  public synchronized void setStuck(boolean stuck) {
    this.stuck = stuck;
  }

  /** Whether PWR_MGMT_1.SLEEP is set. */
  public synchronized boolean isSleeping() {
    return (regs[PWR_MGMT_1] & 0x40) != 0;
  }

  /** The raw register value. */
  public synchronized int register(int register) {
    return load(register);
  }

  @Override
  protected void beginRead(int register) {
    if (!isSleeping() && !stuck) {
      double accelLsb = ACCEL_LSB_PER_G[(regs[ACCEL_CONFIG] >> 3) & 3];
      double gyroLsb = GYRO_LSB_PER_DPS[(regs[GYRO_CONFIG] >> 3) & 3];
      for (int i = 0; i < 3; i++) {
        put(ACCEL_XOUT_H + 2 * i, accelMps2[i] / G * accelLsb);
        put(ACCEL_XOUT_H + 8 + 2 * i, Math.toDegrees(gyroRadPerSec[i]) * gyroLsb);
      }
      put(ACCEL_XOUT_H + 6, (temperatureC - 36.53) * 340.0);
    }
  }

  private void put(int register, double value) {
    long v = Math.round(value);
    int s = (int) Math.max(-32768, Math.min(32767, v));
    regs[register] = (s >> 8) & 0xFF;
    regs[register + 1] = s & 0xFF;
  }

  @Override
  protected int load(int register) {
    return register == WHO_AM_I ? whoAmI : regs[register & 0x7F];
  }

  @Override
  protected void store(int register, int value) {
    int r = register & 0x7F;
    if (r == WHO_AM_I || (r >= ACCEL_XOUT_H && r <= GYRO_ZOUT_L)) {
      return; // read-only
    }
    if (r == PWR_MGMT_1 && (value & 0x80) != 0) {
      powerOnReset();
      return;
    }
    regs[r] = value;
  }

  @Override
  protected int nextPointer(int register, boolean write) {
    return (register + 1) & 0x7F;
  }
}
