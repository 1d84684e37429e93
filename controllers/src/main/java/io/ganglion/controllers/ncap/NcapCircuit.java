package io.ganglion.controllers.ncap;

import io.ganglion.controllers.Controller;
import io.ganglion.controllers.FaultFlags;
import io.ganglion.controllers.fixed.Q16;
import java.util.Arrays;

/**
 * The NCAP swimmer circuit in Q16.16 fixed point: the firmware's control law. Per control step,
 * for joints i = 0..J-1 (J = n_bodies - 1), with exc(w) = max(w, 0) and inh(w) = min(w, 0):
 *
 * <pre>
 * q_hat_i   = clip(q_i / (2 pi / n_bodies), -1, 1);  s_d,i = max(q_hat_i, 0);  s_v,i = max(-q_hat_i, 0)
 * osc_d     = (t mod P) &lt; P / 2 ? 1 : 0;  osc_v = 1 - osc_d           (t = steps since reset, P = 60)
 * x_d,0     = osc_d;   x_v,0 = osc_v;   x_d,i = s_d,i-1;   x_v,i = s_v,i-1   (i &gt; 0)
 * B_d,i     = clamp01(exc(IN_D,i) x_d,i + inh(SPEED_D,i) (1 - speed) + [i = 0] exc(TURN_D) right)
 * B_v,i     = clamp01(exc(IN_V,i) x_v,i + inh(SPEED_V,i) (1 - speed) + [i = 0] exc(TURN_V) left)
 * M_d,i     = clamp01(exc(IPSI_D,i) B_d,i + inh(CONTRA_D,i) B_v,i)
 * M_v,i     = clamp01(exc(IPSI_V,i) B_v,i + inh(CONTRA_V,i) B_d,i)
 * action_i  = M_d,i - M_v,i
 * </pre>
 *
 * (speed and turn terms only when the config has those units; speed, right, left clamped to
 * [0, 1]). Arithmetic: angles, weights, activations and actions are Q16.16; 1 / (2 pi / n_bodies)
 * is precomputed in Q8.24; every neuron's weighted sum is accumulated exactly in a 64-bit Q32.32
 * and rounded once (to nearest, ties toward +infinity) before its clamp. The error against {@link NcapReference} is bounded
 * in {@code docs/ncap.md}.
 *
 * <p>Faults (never thrown): input or output arrays whose length is not J set {@link
 * FaultFlags#INPUT_SHAPE_MISMATCH} and all actions 0; an angle beyond +-pi or a speed/turn command
 * outside [0, 1] sets {@link FaultFlags#INPUT_OUT_OF_RANGE} and the step still computes its
 * defined output (angles clipped by the sensor, commands clamped). The oscillator advances on every
 * step, faulted or not: its phase is always (steps since reset) mod P.
 */
public final class NcapCircuit implements Controller<NcapInputs, NcapOutputs> {

  /** pi in Q16.16: angles beyond +-pi raise {@link FaultFlags#INPUT_OUT_OF_RANGE}. */
  public static final int MAX_ABS_ANGLE_Q16 = Q16.fromDouble(Math.PI);

  private static final int ONE = Q16.ONE;
  private static final int INV_LIMIT_FRACTION_BITS = 24;
  private static final long INV_LIMIT_HALF = 1L << (INV_LIMIT_FRACTION_BITS - 1);

  private final NcapConfig config;
  private final int jointCount;
  private final int periodSteps;
  private final int halfPeriodSteps;
  private final boolean speedUnit;
  private final boolean turnUnit;
  /** n_bodies / (2 pi) in Q8.24. */
  private final long invLimitQ24;
  /** Raw (unconstrained) weights per joint, Q16.16; constraints are applied at use. */
  private final int[] inD;
  private final int[] inV;
  private final int[] ipsiD;
  private final int[] ipsiV;
  private final int[] contraD;
  private final int[] contraV;
  private final int[] speedD;
  private final int[] speedV;
  private final int turnD;
  private final int turnV;

  /** Steps since reset, mod the period. */
  private int phaseStep;

  /** A circuit for {@code config}; weights are rounded to Q16.16 once, here. */
  public NcapCircuit(NcapConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("NCAP config must not be null; use NcapConfig.defaults(jointCount)");
    }
    this.config = config;
    this.jointCount = config.jointCount();
    this.periodSteps = config.oscillatorPeriodSteps();
    this.halfPeriodSteps = periodSteps / 2;
    this.speedUnit = config.speedUnit();
    this.turnUnit = config.turnUnit();
    this.invLimitQ24 = Math.round(config.bodyCount() / (2 * Math.PI) * (1L << INV_LIMIT_FRACTION_BITS));
    this.inD = weightsQ16(NcapSynapse.IN_D);
    this.inV = weightsQ16(NcapSynapse.IN_V);
    this.ipsiD = weightsQ16(NcapSynapse.IPSI_D);
    this.ipsiV = weightsQ16(NcapSynapse.IPSI_V);
    this.contraD = weightsQ16(NcapSynapse.CONTRA_D);
    this.contraV = weightsQ16(NcapSynapse.CONTRA_V);
    this.speedD = weightsQ16(NcapSynapse.SPEED_D);
    this.speedV = weightsQ16(NcapSynapse.SPEED_V);
    this.turnD = turnUnit ? Q16.fromDouble(config.weight(NcapSynapse.TURN_D, 0)) : 0;
    this.turnV = turnUnit ? Q16.fromDouble(config.weight(NcapSynapse.TURN_V, 0)) : 0;
  }

  private int[] weightsQ16(NcapSynapse s) {
    int[] w = new int[jointCount];
    for (int i = 0; i < jointCount; i++) {
      w[i] = config.has(s, i) ? Q16.fromDouble(config.weight(s, i)) : 0;
    }
    return w;
  }

  /** The configuration this circuit was built from. */
  public NcapConfig config() {
    return config;
  }

  /** Inputs sized for this circuit. */
  public NcapInputs newInputs() {
    return new NcapInputs(jointCount);
  }

  /** Outputs sized for this circuit. */
  public NcapOutputs newOutputs() {
    return new NcapOutputs(jointCount);
  }

  /** Restarts the oscillator: the next step is step 0 (dorsal half). */
  @Override
  public void reset() {
    phaseStep = 0;
  }

  /** One control step; allocation-free, never throws on data ({@code out} must not be null). */
  @Override
  public void step(NcapInputs in, NcapOutputs out) {
    int phase = phaseStep;
    phaseStep = phase + 1 == periodSteps ? 0 : phase + 1;
    int[] action = out.actionQ16;
    int[] angle = in == null ? null : in.jointAngleQ16;
    if (angle == null || angle.length != jointCount || action == null || action.length != jointCount) {
      if (action != null) {
        Arrays.fill(action, 0);
      }
      out.faultFlags = FaultFlags.INPUT_SHAPE_MISMATCH;
      return;
    }
    int flags = 0;
    for (int i = 0; i < jointCount; i++) {
      int q = angle[i];
      if (q > MAX_ABS_ANGLE_Q16 || q < -MAX_ABS_ANGLE_Q16) {
        flags = FaultFlags.INPUT_OUT_OF_RANGE;
      }
    }
    // brake = 1 - clamp01(speed): the speed unit's drive onto every B-neuron (0 without the unit).
    int brake = 0;
    if (speedUnit) {
      int speed = in.speedQ16;
      flags |= outOfUnitRange(speed);
      brake = ONE - Q16.clamp01(speed);
    }
    int right = 0;
    int left = 0;
    if (turnUnit) {
      flags |= outOfUnitRange(in.turnRightQ16) | outOfUnitRange(in.turnLeftQ16);
      right = Q16.clamp01(in.turnRightQ16);
      left = Q16.clamp01(in.turnLeftQ16);
    }

    // Joint 0: the head oscillator, osc_d = (t mod P) < P/2, osc_v = 1 - osc_d; plus the turn units.
    int oscD = phase < halfPeriodSteps ? ONE : 0;
    long sumD = (long) oscD * Math.max(inD[0], 0) + (long) right * Math.max(turnD, 0);
    long sumV = (long) (ONE - oscD) * Math.max(inV[0], 0) + (long) left * Math.max(turnV, 0);
    action[0] = joint(0, sumD, sumV, brake);

    // Joints i > 0: proprioception from joint i-1, same side.
    for (int i = 1; i < jointCount; i++) {
      // q_hat = clip(q_{i-1} * n_bodies / (2 pi), -1, 1): Q16.16 x Q8.24, rounded to Q16.16.
      long qHat = ((long) angle[i - 1] * invLimitQ24 + INV_LIMIT_HALF) >> INV_LIMIT_FRACTION_BITS;
      int sensor = qHat > ONE ? ONE : (qHat < -ONE ? -ONE : (int) qHat);
      // s_d = max(q_hat, 0), s_v = max(-q_hat, 0); B_x input = exc(w_prop) * s_x.
      sumD = sensor > 0 ? (long) sensor * Math.max(inD[i], 0) : 0L;
      sumV = sensor < 0 ? (long) -sensor * Math.max(inV[i], 0) : 0L;
      action[i] = joint(i, sumD, sumV, brake);
    }
    out.faultFlags = flags;
  }

  /**
   * Finishes joint i from the exact Q32.32 sums of its B-neurons' inputs:
   * B = clamp01(sum + inh(w_speed) * brake); M_d = clamp01(exc(w_ipsi_d) B_d + inh(w_contra_d) B_v),
   * M_v = clamp01(exc(w_ipsi_v) B_v + inh(w_contra_v) B_d); returns M_d - M_v.
   */
  private int joint(int i, long sumD, long sumV, int brake) {
    if (speedUnit) {
      sumD += (long) brake * Math.min(speedD[i], 0);
      sumV += (long) brake * Math.min(speedV[i], 0);
    }
    int bD = roundClamp01(sumD);
    int bV = roundClamp01(sumV);
    int mD = roundClamp01((long) bD * Math.max(ipsiD[i], 0) + (long) bV * Math.min(contraD[i], 0));
    int mV = roundClamp01((long) bV * Math.max(ipsiV[i], 0) + (long) bD * Math.min(contraV[i], 0));
    return mD - mV;
  }

  /** A Q32.32 sum rounded to Q16.16 (floor(sum + 1/2): ties toward +infinity) and clamped to [0, 1]; |sum| &lt; 2^50 here, so no overflow. */
  private static int roundClamp01(long sumQ32) {
    long r = (sumQ32 + Q16.HALF) >> Q16.FRACTION_BITS;
    return r <= 0 ? 0 : (r >= ONE ? ONE : (int) r);
  }

  private static int outOfUnitRange(int q) {
    return q < 0 || q > ONE ? FaultFlags.INPUT_OUT_OF_RANGE : 0;
  }
}
