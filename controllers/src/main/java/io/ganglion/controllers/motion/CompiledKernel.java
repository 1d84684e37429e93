package io.ganglion.controllers.motion;

/**
 * A {@link MotionKernel} rearranged for the detector: for each feature f (an earlier event's
 * relative polarity, delay and offset), the row of C weights w_c(f) it adds to the evaluated
 * event's evidence. The biases are folded into the row of {@link MotionGeometry#selfFeature()},
 * which every evaluation reads exactly once (the event itself).
 *
 * <p>Dense storage keeps every row as C contiguous ints ({@code denseRows[f C + c]}); sparse
 * storage keeps only the non-zero entries of a row as (class, weight) pairs
 * ({@code pairs[2j]}, {@code pairs[2j + 1]} for j in [start[f], start[f + 1])), so the cost of a
 * row is its non-zero weights (the self row also holds the non-zero biases).
 *
 * <p>{@link #live} tells the detector's gather which surface entries have a row worth adding:
 * {@code live[(q 256 + a) K K + j] = 1} when the age a (a surface entry's age in bins, 0..255) is
 * below D and the row of feature (q D + a) K K + j is not all zeros, else 0. The gather then counts
 * an entry with one table load, and a pruned kernel's empty rows cost nothing after it.
 */
final class CompiledKernel {

  final int classes;
  final boolean dense;
  final int[] start;
  final int[] pairs;
  final int[] denseRows;
  /** Entries stored (non-zero ones for sparse, all for dense). */
  final long entries;
  /** The largest |entry| (raw Q16.16, weights and the self row with its biases), 0 for all zeros. */
  final long maxAbsEntry;
  /** 1 where a surface entry (relative polarity, age 0..255, position) has a non-empty row; see the class comment. */
  final byte[] live;

  private CompiledKernel(MotionGeometry g, int classes, boolean dense, int[] start, int[] pairs, int[] denseRows,
      long entries, long maxAbsEntry) {
    this.classes = classes;
    this.dense = dense;
    this.start = start;
    this.pairs = pairs;
    this.denseRows = denseRows;
    this.entries = entries;
    this.maxAbsEntry = maxAbsEntry;
    int kk = g.positions();
    int d = g.delays();
    this.live = new byte[2 * 256 * kk];
    for (int q = 0; q < 2; q++) {
      for (int a = 0; a < d; a++) {
        for (int j = 0; j < kk; j++) {
          int f = (q * d + a) * kk + j;
          boolean empty;
          if (dense) {
            empty = false;
          } else {
            empty = start[f] == start[f + 1];
          }
          live[(q * 256 + a) * kk + j] = (byte) (empty ? 0 : 1);
        }
      }
    }
  }

  static CompiledKernel compile(MotionKernel kernel, boolean dense) {
    MotionGeometry g = kernel.geometry();
    int features = g.featureCount();
    int c = kernel.classCount();
    int self = g.selfFeature();
    int[] w = kernel.weightsQ16();
    int[] b = kernel.biasesQ16();
    // The self row with the biases, saturated to the Q16.16 range.
    int[] selfRow = new int[c];
    for (int k = 0; k < c; k++) {
      long v = (long) w[self * c + k] + b[k];
      selfRow[k] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
    long maxAbs = 0;
    for (int f = 0; f < features; f++) {
      for (int k = 0; k < c; k++) {
        maxAbs = Math.max(maxAbs, Math.abs((long) (f == self ? selfRow[k] : w[f * c + k])));
      }
    }
    if (dense) {
      int[] rows = w.clone();
      System.arraycopy(selfRow, 0, rows, self * c, c);
      return new CompiledKernel(g, c, true, null, null, rows, rows.length, maxAbs);
    }
    long total = 0;
    for (int f = 0; f < features; f++) {
      for (int k = 0; k < c; k++) {
        total += (f == self ? selfRow[k] : w[f * c + k]) != 0 ? 1 : 0;
      }
    }
    if (total > (Integer.MAX_VALUE - 8) / 2) {
      throw new IllegalArgumentException("motion detector: sparse kernel too large (" + total + " entries)");
    }
    int[] start = new int[features + 1];
    int[] pairs = new int[(int) (2 * total)];
    int n = 0;
    for (int f = 0; f < features; f++) {
      start[f] = n;
      for (int k = 0; k < c; k++) {
        int v = f == self ? selfRow[k] : w[f * c + k];
        if (v != 0) {
          pairs[2 * n] = k;
          pairs[2 * n + 1] = v;
          n++;
        }
      }
    }
    start[features] = n;
    return new CompiledKernel(g, c, false, start, pairs, null, total, maxAbs);
  }
}
