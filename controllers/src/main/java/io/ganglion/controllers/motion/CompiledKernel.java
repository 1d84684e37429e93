package io.ganglion.controllers.motion;

/**
 * A {@link MotionKernel} rearranged for event-driven evaluation: for each slice (p, dy, dx) (an
 * event's polarity and position in a cell's window), the run of (delay d, channel, weight) the
 * event adds into that cell's evidence for the bin d bins ahead, ordered by (d, channel).
 *
 * <p>Channels 0..C-1 are the direct evidence (the event's own polarity: w_c(p, d, dy, dx)),
 * channels C..2C-1 the polarity-swapped evidence (w_c(1 - p, d, dy, dx)); the readout keeps
 * max(direct, swapped) per class. Sparse storage omits zero weights; dense storage keeps every
 * weight in contiguous runs of 2C.
 */
final class CompiledKernel {

  final int delays;
  final int kernelSize;
  final int classes;
  final int channels;
  final boolean dense;
  /** Sparse: entries of a slice at [start[slice], start[slice + 1]). */
  final int[] start;
  /**
   * Sparse: entry j is the pair ({@code pairs[2j]} = d 2C + channel, the offset of its slot and
   * channel in a cell's D x 2C block when the current bin is in slot 0; {@code pairs[2j + 1]} =
   * its weight), entries of slice s at j in [start[s], start[s + 1]).
   */
  final int[] pairs;
  /** Dense: weight of (slice, d, channel) at ((slice D) + d) 2C + channel. */
  final int[] denseWeight;
  /** Entries walked per event summed over all slices (non-zero ones for sparse, all for dense). */
  final long entries;
  /** The largest |weight| (raw Q16.16), 0 for an all-zero kernel. */
  final long maxAbsWeight;

  private CompiledKernel(int delays, int kernelSize, int classes, boolean dense, int[] start, int[] pairs,
      int[] denseWeight, long entries, long maxAbsWeight) {
    this.delays = delays;
    this.kernelSize = kernelSize;
    this.classes = classes;
    this.channels = 2 * classes;
    this.dense = dense;
    this.start = start;
    this.pairs = pairs;
    this.denseWeight = denseWeight;
    this.entries = entries;
    this.maxAbsWeight = maxAbsWeight;
  }

  static int slice(int kernelSize, int polarity, int dy, int dx) {
    return (polarity * kernelSize + dy) * kernelSize + dx;
  }

  static CompiledKernel compile(MotionKernel kernel, boolean dense) {
    MotionGeometry g = kernel.geometry();
    int d = g.delays();
    int k = g.kernelSize();
    int c = kernel.classCount();
    int ch = 2 * c;
    int slices = MotionGeometry.POLARITIES * k * k;
    long maxAbs = 0;
    for (int v : kernel.weightsQ16()) {
      maxAbs = Math.max(maxAbs, Math.abs((long) v));
    }
    if (dense) {
      long size = (long) slices * d * ch;
      if (size > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("motion detector: dense kernel too large (" + size + " entries)");
      }
      int[] w = new int[(int) size];
      for (int p = 0; p < 2; p++) {
        for (int dy = 0; dy < k; dy++) {
          for (int dx = 0; dx < k; dx++) {
            int s = slice(k, p, dy, dx);
            for (int delay = 0; delay < d; delay++) {
              int base = (s * d + delay) * ch;
              int own = g.featureIndex(p, delay, dy, dx);
              int other = g.featureIndex(1 - p, delay, dy, dx);
              for (int cls = 0; cls < c; cls++) {
                w[base + cls] = kernel.weightQ16(own, cls);
                w[base + c + cls] = kernel.weightQ16(other, cls);
              }
            }
          }
        }
      }
      return new CompiledKernel(d, k, c, true, null, null, w, size, maxAbs);
    }
    // Each weight appears twice (direct track for its polarity, swapped track for the other).
    long total = 2L * kernel.nonZeroWeightCount();
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("motion detector: sparse kernel too large (" + total + " entries)");
    }
    int[] start = new int[slices + 1];
    int[] pairs = new int[(int) (2 * total)];
    int n = 0;
    for (int p = 0; p < 2; p++) {
      for (int dy = 0; dy < k; dy++) {
        for (int dx = 0; dx < k; dx++) {
          int s = slice(k, p, dy, dx);
          start[s] = n;
          for (int delay = 0; delay < d; delay++) {
            int own = g.featureIndex(p, delay, dy, dx);
            int other = g.featureIndex(1 - p, delay, dy, dx);
            for (int cls = 0; cls < c; cls++) {
              int v = kernel.weightQ16(own, cls);
              if (v != 0) {
                pairs[2 * n] = delay * ch + cls;
                pairs[2 * n + 1] = v;
                n++;
              }
            }
            for (int cls = 0; cls < c; cls++) {
              int v = kernel.weightQ16(other, cls);
              if (v != 0) {
                pairs[2 * n] = delay * ch + c + cls;
                pairs[2 * n + 1] = v;
                n++;
              }
            }
          }
        }
      }
    }
    start[slices] = n;
    return new CompiledKernel(d, k, c, false, start, pairs, null, total, maxAbs);
  }
}
