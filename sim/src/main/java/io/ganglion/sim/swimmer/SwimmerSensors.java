package io.ganglion.sim.swimmer;

/**
 * Stage 6: what a swimmer's sensors read from the current state (after {@link SwimmerKinematics}).
 * The nose is at local (0, -0.6 L) of the head; the head's velocimeter sits at the head's centre
 * and reads in the head frame, whose "forward" is local -y.
 */
public final class SwimmerSensors {

  private SwimmerSensors() {}

  /** World x of the nose, m. */
  public static double noseX(SwimmerState s) {
    return s.comX[0] + s.model.noseOffsetM * s.sin[0];
  }

  /** World y of the nose, m. */
  public static double noseY(SwimmerState s) {
    return s.comY[0] - s.model.noseOffsetM * s.cos[0];
  }

  /** Heading of the head (the root hinge angle), rad. */
  public static double headYawRad(SwimmerState s) {
    return s.qpos[2];
  }

  /** Angle of hinge {@code joint}, rad. */
  public static double jointAngleRad(SwimmerState s, int joint) {
    return s.qpos[3 + joint];
  }

  /** Rate of hinge {@code joint}, rad/s. */
  public static double jointRateRadS(SwimmerState s, int joint) {
    return s.qvel[3 + joint];
  }

  /**
   * Forward speed of the head in its own frame, m/s: -(R^T u)_y with u the velocity of the head's
   * centre (dm_control's {@code -head_vel[1]}).
   */
  public static double headForwardSpeedMS(SwimmerState s) {
    double w = s.velW[0];
    double ux = s.velX[0] - w * s.comY[0];
    double uy = s.velY[0] + w * s.comX[0];
    return -(-s.sin[0] * ux + s.cos[0] * uy);
  }

  /** Yaw rate of the head (gyro z), rad/s. */
  public static double headYawRateRadS(SwimmerState s) {
    return s.velW[0];
  }

  /**
   * The body's centre line as bodies + 1 points into {@code xs}/{@code ys}: the head's front end,
   * every hinge, and the tail's end (m, world frame).
   */
  public static void centerLine(SwimmerState s, double[] xs, double[] ys) {
    int n = s.model.bodies;
    double h = s.model.halfLengthM;
    for (int k = 0; k < n; k++) {
      xs[k] = s.comX[k] + h * s.sin[k];
      ys[k] = s.comY[k] - h * s.cos[k];
    }
    xs[n] = s.comX[n - 1] - h * s.sin[n - 1];
    ys[n] = s.comY[n - 1] + h * s.cos[n - 1];
  }
}
