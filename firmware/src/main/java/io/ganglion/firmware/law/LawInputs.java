package io.ganglion.firmware.law;

/**
 * What a {@link ControlLaw} reads each step, in SI units, filled in place by the controller task
 * from the latest sensor inputs (AdvantageKit style: public mutable fields, arrays sized once).
 * Every value is finite when the law is called: the controller task checks them first.
 */
public final class LawInputs {

  /** Control steps since the law was reset (0 for the first). */
  public long step;
  /** Loop time of this step, ns. */
  public long timeNanos;
  /** Joint angles from the encoders, rad, wrapped to [-pi, pi); joint 0 first. */
  public final double[] jointAngleRad;
  /** Joint positions unwrapped across turns, rad (wheels). */
  public final double[] jointPositionRad;
  /** Joint velocities, rad/s. */
  public final double[] jointVelocityRadPerSec;
  /** Whether each joint's last encoder read was valid (the values are held otherwise). */
  public final boolean[] jointValid;
  /** Whether an IMU sample is present and valid. */
  public boolean imuValid;
  /** Angular velocity, rad/s (IMU axes). */
  public final double[] gyroRadPerSec = new double[3];
  /** Specific force, m/s^2 (IMU axes). */
  public final double[] accelMps2 = new double[3];

  public LawInputs(int joints) {
    jointAngleRad = new double[joints];
    jointPositionRad = new double[joints];
    jointVelocityRadPerSec = new double[joints];
    jointValid = new boolean[joints];
  }

  /** Number of joints. */
  public int joints() {
    return jointAngleRad.length;
  }
}
