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
 * <p>Faults (never thrown): inputs or outputs that are not 2 long set {@link
 * FaultFlags#INPUT_SHAPE_MISMATCH} and every output 0. A measured wheel speed that is NaN or
 * infinite (the controller task screens these, but the law does not rely on it) sets {@link
 * FaultFlags#INPUT_OUT_OF_RANGE} and that wheel gets the feed-forward command only: a non-finite
 * value never reaches an output. The parameters are validated when they are built ({@link
 * DriveParams}), non-finite commands are refused by {@link #setCommand}, and a finite setpoint
 * whose wheel speeds would overflow a double is scaled before the saturation, so the feed-forward
 * term is always finite.
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
  private final java.util.concurrent.atomic.AtomicLong refusedCommands = new java.util.concurrent.atomic.AtomicLong();

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

  /**
   * Sets the body velocity to hold; callable from any thread. Non-finite values are refused (the
   * held command stays) and counted in {@link #refusedCommands}.
   *
   * @return whether the command was taken
   */
  public boolean setCommand(double vMS, double wRadS) {
    if (Double.isFinite(vMS) && Double.isFinite(wRadS)) {
      setpoint = new Setpoint(vMS, wRadS);
      return true;
    }
    refusedCommands.incrementAndGet();
    return false;
  }

  /** Commands refused by {@link #setCommand} because they were NaN or infinite. */
  public long refusedCommands() {
    return refusedCommands.get();
  }

  /** The body velocity being held. */
  public Setpoint command() {
    return setpoint;
  }

  @Override
  public int step(LawInputs in, double[] commands) {
    if (in.joints() != 2 || commands.length != 2) {
      java.util.Arrays.fill(commands, 0.0);
      return FaultFlags.INPUT_SHAPE_MISMATCH;
    }
    Setpoint sp = setpoint;
    double r = params.wheelRadiusM();
    double halfTrack = params.trackM() / 2;
    double wmax = params.maxWheelSpeedRadS();
    double v = sp.vMS();
    double w = sp.wRadS();
    double right = (v + w * halfTrack) / r;
    double left = (v - w * halfTrack) / r;
    double s;
    if (Double.isFinite(left) && Double.isFinite(right)) {
      s = Math.max(1.0, Math.max(Math.abs(left), Math.abs(right)) / wmax);
    } else {
      // a finite setpoint whose wheel speeds overflow (|v| or |w| near Double.MAX_VALUE): scale v and w
      // alike by m = max(|v|, |w|) first (same curvature); the true wheel speeds exceed any w_max, so
      // saturate fully: s = max(|w_L'|, |w_R'|) / w_max
      double m = Math.max(Math.abs(v), Math.abs(w));
      right = (v / m + (w / m) * halfTrack) / r;
      left = (v / m - (w / m) * halfTrack) / r;
      s = Math.max(Math.abs(left), Math.abs(right)) / wmax;
    }
    left /= s;
    right /= s;
    double measuredLeft = in.jointVelocityRadPerSec[0];
    double measuredRight = in.jointVelocityRadPerSec[1];
    boolean finiteLeft = Double.isFinite(measuredLeft);
    boolean finiteRight = Double.isFinite(measuredRight);
    commands[0] = command(left, measuredLeft, in.jointValid[0] && finiteLeft, wmax);
    commands[1] = command(right, measuredRight, in.jointValid[1] && finiteRight, wmax);
    return finiteLeft && finiteRight ? 0 : FaultFlags.INPUT_OUT_OF_RANGE;
  }

  private double command(double target, double measured, boolean useFeedback, double wmax) {
    double u = target / wmax;
    if (useFeedback) {
      u += params.kp() * (target - measured) / wmax;
    }
    return Math.max(-1.0, Math.min(1.0, u));
  }
}
