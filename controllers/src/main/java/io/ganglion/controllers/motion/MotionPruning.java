package io.ganglion.controllers.motion;

import java.util.Arrays;

/**
 * Magnitude pruning: keep the {@code keep} weights of largest |w| and set the others to zero
 * (smallest |w| first; among equal magnitudes the lower index is kept). Setup code, not a hot
 * path: it sorts.
 */
public final class MotionPruning {

  private MotionPruning() {}

  /** How many weights a keep fraction in [0, 1] keeps out of {@code total}: round(fraction total). */
  public static int keepCount(double keepFraction, int total) {
    if (!(keepFraction >= 0 && keepFraction <= 1)) {
      throw new IllegalArgumentException("keep fraction must be in [0, 1], got " + keepFraction);
    }
    return (int) Math.round(keepFraction * total);
  }

  /** Zeroes all but the {@code keep} largest |w| of {@code weights}, in place. */
  public static void pruneInPlace(double[] weights, int keep) {
    Integer[] order = order(weights.length, keep);
    Arrays.sort(order, (a, b) -> {
      int byMagnitude = Double.compare(Math.abs(weights[b]), Math.abs(weights[a]));
      return byMagnitude != 0 ? byMagnitude : Integer.compare(a, b);
    });
    for (int i = keep; i < order.length; i++) {
      weights[order[i]] = 0.0;
    }
  }

  /** Zeroes all but the {@code keep} largest |w| of {@code weightsQ16}, in place. */
  public static void pruneInPlace(int[] weightsQ16, int keep) {
    Integer[] order = order(weightsQ16.length, keep);
    Arrays.sort(order, (a, b) -> {
      int byMagnitude = Long.compare(Math.abs((long) weightsQ16[b]), Math.abs((long) weightsQ16[a]));
      return byMagnitude != 0 ? byMagnitude : Integer.compare(a, b);
    });
    for (int i = keep; i < order.length; i++) {
      weightsQ16[order[i]] = 0;
    }
  }

  private static Integer[] order(int n, int keep) {
    if (keep < 0 || keep > n) {
      throw new IllegalArgumentException("keep must be in [0, " + n + "], got " + keep);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }
}
