package io.ganglion.sim.io;

/**
 * The body an IMU is mounted on, in the IMU's axes (x forward, y left, z up; a planar robot turns
 * about z). Read by {@link ImuIOSim}; implementations allocate nothing.
 */
public interface SimBody {

  /** Angular velocity about z, rad/s (counter-clockwise positive). */
  double yawRateRadPerSec();

  /**
   * Specific force (what an accelerometer reads: acceleration minus gravity) along x, y, z in
   * m/s^2 into {@code dest[0..2]}; at rest on level ground (0, 0, +9.80665).
   */
  void specificForce(double[] dest);
}
