package io.ganglion.sim.diffdrive;

import io.ganglion.sim.io.SimBody;
import io.ganglion.sim.io.SimJoints;

/**
 * The mutable state of a differential-drive robot: pose, wheel angles and speeds, and the wheel
 * commands its motors follow. Joints for its encoders are the wheels (0 left, 1 right, positive
 * forward); the body is what its IMU reads (x forward, y left, z up).
 */
public final class DiffDriveState implements SimJoints, SimBody {

  /** Standard gravity, m/s^2. */
  public static final double G = 9.80665;

  final DiffDriveConfig config;
  /** Pose: x, y (m), heading (rad, counter-clockwise from +x). */
  double xM;
  double yM;
  double headingRad;
  /** Body velocity: forward (m/s), yaw rate (rad/s). */
  double vMS;
  double wRadS;
  /** Forward acceleration of the last step, m/s^2. */
  double forwardAccelMps2;
  final double[] wheelAngleRad = new double[2];
  final double[] wheelSpeedRadS = new double[2];
  /** Wheel commands in [-1, 1] (written by the motor driver or a ServoIOSim). */
  final double[] wheelCommand = new double[2];
  long steps;
  double pathLengthM;

  public DiffDriveState(DiffDriveConfig config) {
    this.config = config;
  }

  /** The model. */
  public DiffDriveConfig config() {
    return config;
  }

  /** Zero pose, speeds, commands and time. */
  public void reset() {
    xM = 0;
    yM = 0;
    headingRad = 0;
    vMS = 0;
    wRadS = 0;
    forwardAccelMps2 = 0;
    java.util.Arrays.fill(wheelAngleRad, 0);
    java.util.Arrays.fill(wheelSpeedRadS, 0);
    java.util.Arrays.fill(wheelCommand, 0);
    steps = 0;
    pathLengthM = 0;
  }

  /** The wheel commands array (0 left, 1 right) the motors follow; writable. */
  public double[] wheelCommand() {
    return wheelCommand;
  }

  public double xM() {
    return xM;
  }

  public double yM() {
    return yM;
  }

  /** Heading, rad, counter-clockwise from +x, unwrapped (it counts whole turns). */
  public double headingRad() {
    return headingRad;
  }

  /** Heading, deg, counter-clockwise from +x, wrapped to (-180, 180]. */
  public double headingDeg() {
    return wrapDeg(Math.toDegrees(headingRad));
  }

  /** {@code deg} wrapped to (-180, 180]: deg - 360 k for the integer k that lands there. */
  public static double wrapDeg(double deg) {
    double d = deg % 360.0; // (-360, 360), exact
    if (d > 180.0) {
      d -= 360.0;
    } else if (d <= -180.0) {
      d += 360.0;
    }
    return d;
  }

  /** Forward velocity, m/s. */
  public double vMS() {
    return vMS;
  }

  /** Yaw rate, rad/s. */
  public double wRadS() {
    return wRadS;
  }

  /** Simulated time, s: steps x timestep (counted, so it does not drift as a running sum of dt would). */
  public double timeS() {
    return steps * config.timestepS();
  }

  public long steps() {
    return steps;
  }

  /** Length of the path driven, m. */
  public double pathLengthM() {
    return pathLengthM;
  }

  /** Wheel speed, rad/s (0 left, 1 right). */
  public double wheelSpeedRadS(int wheel) {
    return wheelSpeedRadS[wheel];
  }

  @Override
  public int jointCount() {
    return 2;
  }

  @Override
  public double jointPositionRad(int joint) {
    return wheelAngleRad[joint];
  }

  @Override
  public double jointVelocityRadPerSec(int joint) {
    return wheelSpeedRadS[joint];
  }

  @Override
  public double yawRateRadPerSec() {
    return wRadS;
  }

  /** Forward: dv/dt; lateral: the centripetal v w; vertical: +g. */
  @Override
  public void specificForce(double[] dest) {
    dest[0] = forwardAccelMps2;
    dest[1] = vMS * wRadS;
    dest[2] = G;
  }
}
