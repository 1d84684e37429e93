package io.ganglion.sim.swimmer;

/** The dm_control swimmer's task rewards. */
public final class SwimRewards {

  /** Speed at which the swim reward saturates, m/s. */
  public static final double SWIM_SPEED_M_S = 0.1;

  private SwimRewards() {}

  /**
   * The "swim" reward of one control step: a linear ramp of the head's forward speed,
   * 0 at or below 0 m/s, 1 at or above 0.1 m/s (dm_control's {@code tolerance(v, bounds=(0.1, inf),
   * margin=0.1, sigmoid='linear', value_at_margin=0)}).
   */
  public static double swim(double forwardSpeedMS) {
    double r = forwardSpeedMS / SWIM_SPEED_M_S;
    return r <= 0 ? 0 : (r >= 1 ? 1 : r);
  }
}
