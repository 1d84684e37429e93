package io.ganglion.controllers.ncap;

import java.util.Arrays;

/**
 * Immutable configuration of an NCAP circuit: joint count, oscillator period, which task units are
 * present, and the weight vector in one of two layouts. Validated at construction.
 *
 * <p>Weight layouts (the flat vector a trainer sees; see {@link #weightIndex}):
 *
 * <ul>
 *   <li>{@link Layout#SHARED}: {@code [w_prop, w_osc, w_ipsi, w_contra]}, then {@code w_speed} if
 *       the speed unit is present, then {@code w_turn} if the turn units are present (4, 5 or 6
 *       weights);
 *   <li>{@link Layout#UNSHARED}: 6 weights per joint, joint-major, joint i at {@code 6i + k} with k
 *       = 0 IN_D, 1 IN_V, 2 IPSI_D, 3 IPSI_V, 4 CONTRA_D, 5 CONTRA_V (IN is w_osc at joint 0 and
 *       w_prop elsewhere); then, with the speed unit, 2 per joint at {@code 6J + 2i + {0 SPEED_D,
 *       1 SPEED_V}}; then, with the turn units, {@code TURN_D, TURN_V} (6J, 8J, 6J + 2 or 8J + 2
 *       weights for J joints).
 * </ul>
 *
 * <p>Weights are stored as given; the sign constraints of {@link NcapSynapse} are applied by the
 * circuits where each weight is used.
 */
public final class NcapConfig {

  /** How the weight vector maps onto the circuit's synapses. */
  public enum Layout {
    /** One weight per synapse kind, shared by all joints (the paper's 4 or 6 parameters). */
    SHARED,
    /** Every joint has its own weights (6 per joint, plus the task units'). */
    UNSHARED
  }

  /** The paper's oscillator period in control steps (1.8 s at 0.03 s per step). */
  public static final int DEFAULT_OSCILLATOR_PERIOD_STEPS = 60;
  /** The largest joint count: keeps the sensor's Q16.16 error, (n_bodies / (2 pi) + 2) 2^-17, below 2^-11. */
  public static final int MAX_JOINTS = 255;
  /** The largest oscillator period in control steps. */
  public static final int MAX_OSCILLATOR_PERIOD_STEPS = 1 << 24;
  /** The largest weight magnitude: weights must be representable in Q16.16. */
  public static final double MAX_ABS_WEIGHT = 32767.0;

  private final int jointCount;
  private final int oscillatorPeriodSteps;
  private final boolean speedUnit;
  private final boolean turnUnit;
  private final Layout layout;
  private final double[] weights;

  private NcapConfig(Builder b) {
    if (b.jointCount < 1 || b.jointCount > MAX_JOINTS) {
      throw new IllegalArgumentException("NCAP joint count must be in [1, " + MAX_JOINTS + "] (n_bodies - 1), got "
          + b.jointCount);
    }
    if (b.oscillatorPeriodSteps < 2 || b.oscillatorPeriodSteps > MAX_OSCILLATOR_PERIOD_STEPS) {
      throw new IllegalArgumentException("NCAP oscillator period must be in [2, " + MAX_OSCILLATOR_PERIOD_STEPS
          + "] control steps (default " + DEFAULT_OSCILLATOR_PERIOD_STEPS + "), got " + b.oscillatorPeriodSteps);
    }
    this.jointCount = b.jointCount;
    this.oscillatorPeriodSteps = b.oscillatorPeriodSteps;
    this.speedUnit = b.speedUnit;
    this.turnUnit = b.turnUnit;
    this.layout = b.layout;
    int expected = weightCount(layout, jointCount, speedUnit, turnUnit);
    if (b.weights == null) {
      this.weights = defaultWeights();
    } else {
      if (b.weights.length != expected) {
        throw new IllegalArgumentException("NCAP " + describeShape() + " needs " + expected + " weights ("
            + layoutHint() + "), got " + b.weights.length);
      }
      for (int k = 0; k < b.weights.length; k++) {
        double w = b.weights[k];
        if (!Double.isFinite(w) || Math.abs(w) > MAX_ABS_WEIGHT) {
          throw new IllegalArgumentException("NCAP weight " + k + " (" + describeIndex(k) + ") must be finite and in [-"
              + MAX_ABS_WEIGHT + ", " + MAX_ABS_WEIGHT + "], got " + w);
        }
      }
      this.weights = b.weights.clone();
    }
  }

  /** The paper's default circuit: shared weights w_prop = w_osc = w_ipsi = +1, w_contra = -1, no task units. */
  public static NcapConfig defaults(int jointCount) {
    return builder(jointCount).build();
  }

  /** The 4-shared-weight circuit without task units (the order of the CLI's {@code --weights}). */
  public static NcapConfig shared(int jointCount, double wProp, double wOsc, double wIpsi, double wContra) {
    return builder(jointCount).weights(wProp, wOsc, wIpsi, wContra).build();
  }

  /** A builder for {@code jointCount} joints: shared layout, default weights, period 60, no task units. */
  public static Builder builder(int jointCount) {
    return new Builder(jointCount);
  }

  /** Number of weights of a layout: shared 4 (+1 speed, +1 turn); unshared 6J (+2J speed, +2 turn). */
  public static int weightCount(Layout layout, int jointCount, boolean speedUnit, boolean turnUnit) {
    if (layout == Layout.SHARED) {
      return 4 + (speedUnit ? 1 : 0) + (turnUnit ? 1 : 0);
    }
    return 6 * jointCount + (speedUnit ? 2 * jointCount : 0) + (turnUnit ? 2 : 0);
  }

  /** Number of joints (n_bodies - 1). */
  public int jointCount() {
    return jointCount;
  }

  /** Number of bodies of the swimmer, jointCount + 1; sets the sensor scale 2 pi / n_bodies. */
  public int bodyCount() {
    return jointCount + 1;
  }

  /** Oscillator period in control steps; the dorsal unit is on for the first half (integer division). */
  public int oscillatorPeriodSteps() {
    return oscillatorPeriodSteps;
  }

  /** True when the speed unit is present (input {@code speed}, weights SPEED_D/SPEED_V). */
  public boolean speedUnit() {
    return speedUnit;
  }

  /** True when the right/left turn units are present (weights TURN_D/TURN_V at joint 0). */
  public boolean turnUnit() {
    return turnUnit;
  }

  /** The weight layout. */
  public Layout layout() {
    return layout;
  }

  /** A copy of the flat weight vector, as given (unconstrained). */
  public double[] weights() {
    return weights.clone();
  }

  /** Length of the flat weight vector. */
  public int weightCount() {
    return weights.length;
  }

  /**
   * Index in the flat weight vector of synapse {@code s} at joint {@code joint}. Throws
   * IllegalArgumentException for a synapse the circuit does not have (a task unit that is absent,
   * a turn synapse at a joint other than 0, a joint out of range).
   */
  public int weightIndex(NcapSynapse s, int joint) {
    if (joint < 0 || joint >= jointCount) {
      throw new IllegalArgumentException("joint " + joint + " out of range [0, " + jointCount + ")");
    }
    boolean speed = s == NcapSynapse.SPEED_D || s == NcapSynapse.SPEED_V;
    boolean turn = s == NcapSynapse.TURN_D || s == NcapSynapse.TURN_V;
    if (speed && !speedUnit) {
      throw new IllegalArgumentException(s + ": this circuit has no speed unit");
    }
    if (turn && (!turnUnit || joint != 0)) {
      throw new IllegalArgumentException(s + " exists only at joint 0 of a circuit with turn units");
    }
    if (layout == Layout.SHARED) {
      switch (s) {
        case IN_D: case IN_V: return joint == 0 ? 1 : 0;
        case IPSI_D: case IPSI_V: return 2;
        case CONTRA_D: case CONTRA_V: return 3;
        case SPEED_D: case SPEED_V: return 4;
        default: return speedUnit ? 5 : 4;
      }
    }
    int perJoint = 6 * jointCount;
    if (speed) {
      return perJoint + 2 * joint + (s == NcapSynapse.SPEED_D ? 0 : 1);
    }
    if (turn) {
      return perJoint + (speedUnit ? 2 * jointCount : 0) + (s == NcapSynapse.TURN_D ? 0 : 1);
    }
    return 6 * joint + s.ordinal();  // IN_D..CONTRA_V are ordinals 0..5
  }

  /** The raw (unconstrained) weight of synapse {@code s} at {@code joint}; see {@link #weightIndex}. */
  public double weight(NcapSynapse s, int joint) {
    return weights[weightIndex(s, joint)];
  }

  /** This circuit with another weight vector of the same layout and length (e.g. an ES candidate). */
  public NcapConfig withWeights(double... newWeights) {
    return toBuilder().weights(newWeights).build();
  }

  /** The equivalent unshared circuit: every shared weight replicated to every joint that uses it. */
  public NcapConfig toUnshared() {
    if (layout == Layout.UNSHARED) {
      return this;
    }
    double[] w = new double[weightCount(Layout.UNSHARED, jointCount, speedUnit, turnUnit)];
    NcapConfig target = toBuilder().layout(Layout.UNSHARED).weights(w).build();
    for (int i = 0; i < jointCount; i++) {
      for (NcapSynapse s : NcapSynapse.values()) {
        if (has(s, i)) {
          w[target.weightIndex(s, i)] = weight(s, i);
        }
      }
    }
    return target.withWeights(w);
  }

  /** True when the circuit has synapse {@code s} at {@code joint}. */
  public boolean has(NcapSynapse s, int joint) {
    switch (s) {
      case SPEED_D: case SPEED_V: return speedUnit;
      case TURN_D: case TURN_V: return turnUnit && joint == 0;
      default: return true;
    }
  }

  /** A builder preset to this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder(jointCount);
    b.oscillatorPeriodSteps = oscillatorPeriodSteps;
    b.speedUnit = speedUnit;
    b.turnUnit = turnUnit;
    b.layout = layout;
    b.weights = weights.clone();
    return b;
  }

  private double[] defaultWeights() {
    double[] w = new double[weightCount(layout, jointCount, speedUnit, turnUnit)];
    for (int i = 0; i < jointCount; i++) {
      for (NcapSynapse s : NcapSynapse.values()) {
        if (has(s, i)) {
          w[weightIndex(s, i)] = s.defaultWeight();
        }
      }
    }
    return w;
  }

  private String describeIndex(int k) {
    if (layout == Layout.SHARED) {
      String[] names = {"w_prop", "w_osc", "w_ipsi", "w_contra", speedUnit ? "w_speed" : "w_turn", "w_turn"};
      return names[k];
    }
    for (int i = 0; i < jointCount; i++) {
      for (NcapSynapse s : NcapSynapse.values()) {
        if (has(s, i) && weightIndex(s, i) == k) {
          return s + " of joint " + i;
        }
      }
    }
    return "index " + k;
  }

  private String describeShape() {
    return layout.name().toLowerCase(java.util.Locale.ROOT) + " circuit with " + jointCount + " joints"
        + (speedUnit ? ", speed unit" : "") + (turnUnit ? ", turn units" : "");
  }

  private String layoutHint() {
    if (layout == Layout.SHARED) {
      return "w_prop, w_osc, w_ipsi, w_contra" + (speedUnit ? ", w_speed" : "") + (turnUnit ? ", w_turn" : "");
    }
    return "6 per joint" + (speedUnit ? ", 2 speed per joint" : "") + (turnUnit ? ", 2 turn" : "")
        + "; see NcapConfig for the order";
  }

  @Override
  public String toString() {
    return "NcapConfig{" + describeShape() + ", period " + oscillatorPeriodSteps + " steps, weights "
        + (weights.length <= 8 ? Arrays.toString(weights) : weights.length + " values") + "}";
  }

  /** Builds an {@link NcapConfig}; validation happens in {@link #build()}. */
  public static final class Builder {
    private final int jointCount;
    private int oscillatorPeriodSteps = DEFAULT_OSCILLATOR_PERIOD_STEPS;
    private boolean speedUnit;
    private boolean turnUnit;
    private Layout layout = Layout.SHARED;
    private double[] weights;

    private Builder(int jointCount) {
      this.jointCount = jointCount;
    }

    /** Oscillator period in control steps (default 60). */
    public Builder oscillatorPeriodSteps(int steps) {
      this.oscillatorPeriodSteps = steps;
      return this;
    }

    /** Adds or removes the speed unit (default absent). */
    public Builder speedUnit(boolean present) {
      this.speedUnit = present;
      return this;
    }

    /** Adds or removes the right/left turn units (default absent). */
    public Builder turnUnit(boolean present) {
      this.turnUnit = present;
      return this;
    }

    /** The weight layout (default shared). */
    public Builder layout(Layout newLayout) {
      if (newLayout == null) {
        throw new IllegalArgumentException("NCAP layout must be SHARED or UNSHARED, got null");
      }
      this.layout = newLayout;
      return this;
    }

    /** The flat weight vector in the layout's order (copied); null means the defaults (+1 / -1). */
    public Builder weights(double... w) {
      this.weights = w == null ? null : w.clone();
      return this;
    }

    /** Validates and builds; IllegalArgumentException says what is wrong. */
    public NcapConfig build() {
      return new NcapConfig(this);
    }
  }
}
