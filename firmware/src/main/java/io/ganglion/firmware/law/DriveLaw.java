package io.ganglion.firmware.law;

import io.ganglion.controllers.FaultFlags;
import io.ganglion.firmware.config.DriveParams;

/**
 * The {@code drive} law of a differential-drive robot: it holds a commanded body velocity
 * (v forward in m/s, w yaw rate in rad/s, set with {@link #setCommand} by a command channel or
 * given in the board file) and turns it into the two wheel commands. Joint 0 is the left wheel,
 * joint 1 the right one, both positive forward.
 *
 * <pre>
 *   wheel speeds (unicycle):   w_R = (v + w b / 2) / r,   w_L = (v - w b / 2) / r
 *   saturation:                s = max(1, max(|w_L|, |w_R|) / w_max);  w_i /= s   (keeps the curvature)
 *   command per wheel:         u_i = w_i / w_max + kp (w_i - w_meas_i) / w_max     (feed-forward + P)
 *                              u_i = clamp(u_i, -1, 1);  without a valid encoder: feed-forward only
 * </pre>
 *
 * This is not the maze-search navigation law of the project's design (future work), only the
 * velocity layer such a law will command. Double precision, no transcendental functions: Java 17
 * arithmetic is IEEE strict, so the outputs are bit-identical for identical inputs.
 */
public final class DriveLaw implements ControlLaw {

  /** A body velocity command. */
  public record Setpoint(double vMS, double wRadS) {}

  private final DriveParams params;
  private volatile Setpoint setpoint;
  private final Setpoint initial;

  public DriveLaw(DriveParams params) {
    this.params = params;
    this.initial = new Setpoint(params.vMS(), params.wRadS());
    this.setpoint = initial;
  }

  @Override
  public String name() {
    return "drive";
  }

  @Override
  public int commandCount() {
    return 2;
  }

  /** Back to the board file's initial command. */
  @Override
  public void reset() {
    setpoint = initial;
  }

  /** Sets the body velocity to hold; callable from any thread (non-finite values are ignored). */
  public void setCommand(double vMS, double wRadS) {
    if (Double.isFinite(vMS) && Double.isFinite(wRadS)) {
      setpoint = new Setpoint(vMS, wRadS);
    }
  }

  /** The body velocity being held. */
  public Setpoint command() {
    return setpoint;
  }

  @Override
  public int step(LawInputs in, double[] commands) {
    if (in.joints() != 2 || commands.length != 2) {
      commands[0] = 0;
      commands[1] = 0;
      return FaultFlags.INPUT_SHAPE_MISMATCH;
    }
    Setpoint sp = setpoint;
    double r = params.wheelRadiusM();
    double halfTrack = params.trackM() / 2;
    double wmax = params.maxWheelSpeedRadS();
    double right = (sp.vMS() + sp.wRadS() * halfTrack) / r;
    double left = (sp.vMS() - sp.wRadS() * halfTrack) / r;
    double s = Math.max(1.0, Math.max(Math.abs(left), Math.abs(right)) / wmax);
    left /= s;
    right /= s;
    commands[0] = command(left, in.jointVelocityRadPerSec[0], in.jointValid[0], wmax);
    commands[1] = command(right, in.jointVelocityRadPerSec[1], in.jointValid[1], wmax);
    return 0;
  }

  private double command(double target, double measured, boolean valid, double wmax) {
    double u = target / wmax;
    if (valid) {
      u += params.kp() * (target - measured) / wmax;
    }
    return Math.max(-1.0, Math.min(1.0, u));
  }
}
