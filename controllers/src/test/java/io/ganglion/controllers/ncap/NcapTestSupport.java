package io.ganglion.controllers.ncap;

import io.ganglion.controllers.fixed.Q16;
import java.util.SplittableRandom;

/** Seeded input sequences and comparisons shared by the NCAP tests. */
final class NcapTestSupport {

  /** 2^-17, half a Q16.16 unit: the rounding error of one fixed-point operation. */
  static final double HALF_ULP = 1.0 / (1 << 17);

  private NcapTestSupport() {}

  /**
   * Fills {@code in} with a random step: angles mostly within 1.3 joint limits (both signs, some
   * exactly 0), 1% of joints far beyond +-pi; speed and turn commands in [-0.1, 1.1].
   */
  static void randomInputs(SplittableRandom rnd, int bodyCount, NcapInputs in) {
    double limit = 2 * Math.PI / bodyCount;
    int[] q = in.jointAngleQ16;
    for (int i = 0; i < q.length; i++) {
      double r = unit(rnd);
      double angleRad = r < 0.01 ? uniform(rnd, -6.0, 6.0) : (r < 0.03 ? 0.0 : uniform(rnd, -1.3, 1.3) * limit);
      q[i] = Q16.fromDouble(angleRad);
    }
    in.speedQ16 = Q16.fromDouble(uniform(rnd, -0.1, 1.1));
    in.turnRightQ16 = Q16.fromDouble(uniform(rnd, -0.1, 1.1));
    in.turnLeftQ16 = Q16.fromDouble(uniform(rnd, -0.1, 1.1));
  }

  /**
   * A double in [0, 1) from the generator's next 64 bits, spelled out here (rather than
   * nextDouble(lo, hi), whose bounded algorithm belongs to the JDK) so the golden sequences depend
   * only on SplittableRandom.nextLong and IEEE arithmetic.
   */
  static double unit(SplittableRandom rnd) {
    return (rnd.nextLong() >>> 11) * 0x1.0p-53;
  }

  /** lo + unit * (hi - lo). */
  static double uniform(SplittableRandom rnd, double lo, double hi) {
    return lo + unit(rnd) * (hi - lo);
  }

  /** The angles of {@code in} in radians (exact: the reference sees what the circuit sees). */
  static double[] anglesRad(NcapInputs in) {
    double[] q = new double[in.jointAngleQ16.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = Q16.toDouble(in.jointAngleQ16[i]);
    }
    return q;
  }

  /** Steps the reference with exactly the inputs the circuit gets. */
  static void stepReference(NcapReference ref, NcapInputs in, double[] actionOut) {
    ref.step(anglesRad(in), Q16.toDouble(in.speedQ16), Q16.toDouble(in.turnRightQ16),
        Q16.toDouble(in.turnLeftQ16), actionOut);
  }

  /** max_i |fixed_i - reference_i|. */
  static double maxAbsDiff(int[] actionQ16, double[] reference) {
    double max = 0;
    for (int i = 0; i < reference.length; i++) {
      max = Math.max(max, Math.abs(Q16.toDouble(actionQ16[i]) - reference[i]));
    }
    return max;
  }

  /**
   * The documented worst-case bound (docs/ncap.md) on |fixed - reference| per action for any
   * weights: 2^-17 (2 W^2 (K + 2) + 16 W + 6), K = n_bodies / (2 pi), W = max(1, largest
   * sign-constrained |weight|).
   */
  static double generalBound(NcapConfig config) {
    double k = config.bodyCount() / (2 * Math.PI);
    double w = largestConstrainedWeight(config);
    return HALF_ULP * (2 * w * w * (k + 2) + 16 * w + 6);
  }

  /** The documented bound for weights that are multiples of 2^-16: 2^-17 (2 W^2 (K + 2) + 4 W + 2). */
  static double representableWeightsBound(NcapConfig config) {
    double k = config.bodyCount() / (2 * Math.PI);
    double w = largestConstrainedWeight(config);
    return HALF_ULP * (2 * w * w * (k + 2) + 4 * w + 2);
  }

  /**
   * The documented bound for the default weights (+1, +1, +1, -1, no task units): the action equals
   * the sensor q_hat of the previous joint in both implementations, so only the sensor's error
   * remains, 2^-17 (K + 2).
   */
  static double defaultWeightsBound(NcapConfig config) {
    return HALF_ULP * (config.bodyCount() / (2 * Math.PI) + 2);
  }

  private static double largestConstrainedWeight(NcapConfig config) {
    double w = 1;
    for (int i = 0; i < config.jointCount(); i++) {
      for (NcapSynapse s : NcapSynapse.values()) {
        if (config.has(s, i)) {
          w = Math.max(w, Math.abs(s.constrain(config.weight(s, i))));
        }
      }
    }
    return w;
  }

  /** Random weights uniform in [lo, hi] for {@code config}'s layout (excitatory ones may come out negative). */
  static NcapConfig withRandomWeights(NcapConfig config, SplittableRandom rnd, double lo, double hi) {
    double[] w = new double[config.weightCount()];
    for (int k = 0; k < w.length; k++) {
      w[k] = uniform(rnd, lo, hi);
    }
    return config.withWeights(w);
  }

  /** FNV-1a 64 over a sequence of ints (each as 4 little-endian bytes). */
  static final class Fnv64 {
    private long hash = 0xcbf29ce484222325L;

    void add(int value) {
      for (int b = 0; b < 4; b++) {
        hash ^= (value >>> (8 * b)) & 0xff;
        hash *= 0x100000001b3L;
      }
    }

    long value() {
      return hash;
    }
  }
}
