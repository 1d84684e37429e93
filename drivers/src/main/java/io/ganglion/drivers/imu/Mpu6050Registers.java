package io.ganglion.drivers.imu;

/** MPU-6050 register map and scale factors (RM-MPU-6000A-00 rev 4.2, PS-MPU-6000A-00 rev 3.4). */
public final class Mpu6050Registers {

  public static final int SMPLRT_DIV = 0x19;
  public static final int CONFIG = 0x1A;
  public static final int GYRO_CONFIG = 0x1B;
  public static final int ACCEL_CONFIG = 0x1C;
  /** First of 14 data bytes: accel x, y, z, temperature, gyro x, y, z, each int16 big-endian. */
  public static final int ACCEL_XOUT_H = 0x3B;
  public static final int DATA_BYTES = 14;
  public static final int PWR_MGMT_1 = 0x6B;
  public static final int WHO_AM_I = 0x75;
  /** WHO_AM_I of a genuine MPU-6050 (bits 6..1 = 0x34, independent of AD0). */
  public static final int WHO_AM_I_VALUE = 0x68;
  /** PWR_MGMT_1: awake, clock from the X gyro PLL (recommended over the internal 8 MHz). */
  public static final int PWR_MGMT_1_WAKE_PLL_X = 0x01;
  public static final int PWR_MGMT_1_SLEEP = 0x40;
  /** Standard gravity, m/s^2 per g. */
  public static final double G = 9.80665;

  /** Accelerometer ranges in g, indexed by AFS_SEL. */
  public static final int[] ACCEL_RANGES_G = {2, 4, 8, 16};
  /** LSB per g, indexed by AFS_SEL. */
  public static final double[] ACCEL_LSB_PER_G = {16384, 8192, 4096, 2048};
  /** Gyroscope ranges in deg/s, indexed by FS_SEL. */
  public static final int[] GYRO_RANGES_DPS = {250, 500, 1000, 2000};
  /** LSB per deg/s, indexed by FS_SEL. */
  public static final double[] GYRO_LSB_PER_DPS = {131, 65.5, 32.8, 16.4};

  private Mpu6050Registers() {}

  /** Index of {@code value} in {@code table}, or -1. */
  static int indexOf(int[] table, int value) {
    for (int i = 0; i < table.length; i++) {
      if (table[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** a [m/s^2] = raw / (LSB per g) * 9.80665. */
  public static double accelMps2(int raw, int afsSel) {
    return raw / ACCEL_LSB_PER_G[afsSel] * G;
  }

  /** w [rad/s] = raw / (LSB per deg/s) * pi / 180. */
  public static double gyroRadPerSec(int raw, int fsSel) {
    return raw / GYRO_LSB_PER_DPS[fsSel] * (Math.PI / 180.0);
  }

  /** T [degC] = raw / 340 + 36.53. */
  public static double temperatureC(int raw) {
    return raw / 340.0 + 36.53;
  }
}
