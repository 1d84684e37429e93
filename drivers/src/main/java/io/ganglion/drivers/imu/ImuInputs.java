package io.ganglion.drivers.imu;

/** What an {@link ImuIO} reports each tick, in sensor axes (x, y, z). */
public final class ImuInputs {

  /** The last bus transaction succeeded. */
  public boolean connected;
  /** Initialised, connected, and the sample is fresh and not stuck. */
  public boolean valid;
  /** {@link io.ganglion.drivers.DeviceFaults} bits. */
  public int faultFlags;
  /** Specific force in m/s^2 (at rest, level: 0, 0, +9.81). */
  public final double[] accelMps2 = new double[3];
  /** Angular velocity in rad/s. */
  public final double[] gyroRadPerSec = new double[3];
  /** Raw accelerometer counts. */
  public final int[] rawAccel = new int[3];
  /** Raw gyroscope counts. */
  public final int[] rawGyro = new int[3];
  /** Die temperature in degC. */
  public double temperatureC;
  /** WHO_AM_I as last read (0x68 expected; -1 before the first read). */
  public int whoAmI = -1;
  /** Failed bus transactions since start. */
  public long busErrorCount;
  /** Consecutive identical frames (stuck when it reaches the configured limit). */
  public int identicalFrames;
  /** Frames with an axis at full scale since start. */
  public long saturatedCount;
  /** Successful (re)initialisations since start. */
  public long initCount;
  /** When these inputs were taken, on the driver's clock. */
  public long timestampNanos;
}
