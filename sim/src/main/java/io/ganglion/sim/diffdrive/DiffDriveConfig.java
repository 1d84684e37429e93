package io.ganglion.sim.diffdrive;

import io.ganglion.drivers.InvalidInputException;

/**
 * A differential-drive robot: two driven wheels on one axle (plus casters), as a kinematic
 * unicycle with first-order wheel motors.
 *
 * @param wheelRadiusM wheel radius, m
 * @param trackM distance between the two wheels' contact points, m
 * @param maxWheelSpeedRadS wheel speed reached at command +-1, rad/s
 * @param motorTimeConstantS first-order time constant from command to wheel speed, s (> 0)
 * @param timestepS integration step, s
 */
public record DiffDriveConfig(double wheelRadiusM, double trackM, double maxWheelSpeedRadS,
    double motorTimeConstantS, double timestepS) {

  public DiffDriveConfig {
    positive("wheel radius", wheelRadiusM);
    positive("track", trackM);
    positive("max wheel speed", maxWheelSpeedRadS);
    positive("motor time constant", motorTimeConstantS);
    positive("timestep", timestepS);
  }

  private static void positive(String what, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new InvalidInputException("differential drive: " + what + " must be a positive finite number, got " + v);
    }
  }

  /** A small robot: 3 cm wheels, 15 cm track, 20 rad/s (0.6 m/s), 50 ms motors, 1 ms step. */
  public static DiffDriveConfig small() {
    return new DiffDriveConfig(0.03, 0.15, 20.0, 0.05, 0.001);
  }
}
