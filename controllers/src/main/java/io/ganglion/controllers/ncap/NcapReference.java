package io.ganglion.controllers.ncap;

/**
 * The NCAP circuit in double precision: the reference that {@link NcapCircuit} is checked against,
 * for tests and tools (not the firmware). Same structure and equations as {@link NcapCircuit},
 * written literally (division by the joint limit, sign constraints via {@link
 * NcapSynapse#constrain}); it reproduces MuJoCo's reference controller ({@code
 * tools/mujoco-ref/swimref.c}) to the printed precision of its CSV output.
 *
 * <p>Unlike the firmware law, it throws IllegalArgumentException on arrays of the wrong length.
 */
public final class NcapReference {

  private final NcapConfig config;
  private final int jointCount;
  private final double jointLimitRad;
  private final double[][] weight;
  private long stepCount;

  /** A reference circuit for {@code config}, with the config's double weights (not rounded to Q16). */
  public NcapReference(NcapConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("NCAP config must not be null; use NcapConfig.defaults(jointCount)");
    }
    this.config = config;
    this.jointCount = config.jointCount();
    this.jointLimitRad = 2 * Math.PI / config.bodyCount();
    NcapSynapse[] kinds = NcapSynapse.values();
    this.weight = new double[kinds.length][jointCount];
    for (NcapSynapse s : kinds) {
      for (int i = 0; i < jointCount; i++) {
        weight[s.ordinal()][i] = config.has(s, i) ? config.weight(s, i) : 0.0;
      }
    }
  }

  /** The configuration of this reference. */
  public NcapConfig config() {
    return config;
  }

  /** Restarts the oscillator: the next step is step 0. */
  public void reset() {
    stepCount = 0;
  }

  /** Steps taken since construction or the last reset. */
  public long stepCount() {
    return stepCount;
  }

  /** One step without task-unit commands (speed 1, no turn). */
  public void step(double[] jointAngleRad, double[] actionOut) {
    step(jointAngleRad, 1.0, 0.0, 0.0, actionOut);
  }

  /**
   * One step: joint angles in radians in, actions in [-1, 1] out. {@code speed}, {@code turnRight}
   * and {@code turnLeft} are clamped to [0, 1] and read only when the config has those units.
   */
  public void step(double[] jointAngleRad, double speed, double turnRight, double turnLeft, double[] actionOut) {
    if (jointAngleRad.length != jointCount || actionOut.length != jointCount) {
      throw new IllegalArgumentException("NCAP reference has " + jointCount + " joints, got "
          + jointAngleRad.length + " angles and " + actionOut.length + " actions");
    }
    // Head oscillator, square wave: osc_d = 1 for the first half of each period, as in swimref.c.
    boolean oscD = (stepCount % config.oscillatorPeriodSteps()) < config.oscillatorPeriodSteps() / 2;
    stepCount++;
    double brake = config.speedUnit() ? 1.0 - clamp01(speed) : 0.0;
    double right = config.turnUnit() ? clamp01(turnRight) : 0.0;
    double left = config.turnUnit() ? clamp01(turnLeft) : 0.0;
    for (int i = 0; i < jointCount; i++) {
      double xD;
      double xV;
      if (i == 0) {
        xD = oscD ? 1.0 : 0.0;
        xV = oscD ? 0.0 : 1.0;
      } else {
        // q_hat = clip(q / (2 pi / n_bodies), -1, 1); s_d = max(q_hat, 0), s_v = max(-q_hat, 0)
        double qHat = Math.max(-1.0, Math.min(1.0, jointAngleRad[i - 1] / jointLimitRad));
        xD = Math.max(qHat, 0.0);
        xV = Math.max(-qHat, 0.0);
      }
      // B = clamp01(exc(w_in) x + inh(w_speed) (1 - speed) + [i = 0] exc(w_turn) turn)
      double bD = xD * w(NcapSynapse.IN_D, i) + brake * w(NcapSynapse.SPEED_D, i);
      double bV = xV * w(NcapSynapse.IN_V, i) + brake * w(NcapSynapse.SPEED_V, i);
      if (i == 0) {
        bD += right * w(NcapSynapse.TURN_D, 0);
        bV += left * w(NcapSynapse.TURN_V, 0);
      }
      bD = clamp01(bD);
      bV = clamp01(bV);
      // M_d = clamp01(exc(w_ipsi) B_d + inh(w_contra) B_v), M_v symmetric; action = M_d - M_v
      double mD = clamp01(bD * w(NcapSynapse.IPSI_D, i) + bV * w(NcapSynapse.CONTRA_D, i));
      double mV = clamp01(bV * w(NcapSynapse.IPSI_V, i) + bD * w(NcapSynapse.CONTRA_V, i));
      actionOut[i] = mD - mV;
    }
  }

  /** The sign-constrained weight of synapse s at joint i (0 where the circuit has no such synapse). */
  private double w(NcapSynapse s, int i) {
    return s.constrain(weight[s.ordinal()][i]);
  }

  private static double clamp01(double x) {
    return x < 0 ? 0 : (x > 1 ? 1 : x);
  }
}
