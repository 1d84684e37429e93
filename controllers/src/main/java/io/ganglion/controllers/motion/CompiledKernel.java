package io.ganglion.controllers.motion;

/**
 * A {@link MotionKernel} rearranged for the detector: for each feature f (an earlier event's
 * relative polarity, delay and offset), the row of C weights w_c(f) it adds to the evaluated
 * event's evidence, cut into fixed-size <em>blocks</em>, so that adding the usual row (one block)
 * is straight-line code with no branch on its length. The biases are folded into the row of
 * {@link MotionGeometry#selfFeature()}, which every evaluation adds exactly once (the event
 * itself), on its own: the per-feature table lists the self feature as empty.
 *
 * <p>Dense storage: a block is one whole row, C contiguous ints ({@code denseRows[b C + c]};
 * block b = feature f). Sparse storage: a block is {@link #blockPairs} (class, weight) pairs
 * ({@code blocks[2 B b + 2i]}, {@code blocks[2 B b + 2i + 1]}), B = 4 (more only for rows of over 1020
 * entries; 2 and 8 measured slower); a row's non-zero entries
 * fill its blocks in class order, the last one padded with weight-0 pairs (adding 0 changes
 * nothing, saturating or not). The cost of a feature is its blocks: pruning is speed, and a row
 * left all zeros costs nothing after the gather.
 */
final class CompiledKernel {

  /** Pairs per sparse block. */
  static final int BLOCK_PAIRS = 4;
  /** The most blocks a row may take (the count's 8 bits in {@link #featureInfo}). */
  private static final int MAX_ROW_BLOCKS = 255;

  final int classes;
  final boolean dense;
  /** Entries stored (non-zero ones for sparse, all for dense). */
  final long entries;
  /** The largest |entry| (raw Q16.16, weights and the self row with its biases), 0 for all zeros. */
  final long maxAbsEntry;
  /**
   * Per feature, packed in one int (one load in the gather): its first block (dense: the feature
   * itself) in bits 8..31, its number of blocks in bits 0..7 (0 for an all-zero row and for the
   * self feature).
   */
  final int[] featureInfo;
  /** Sparse: pairs per block (B); dense: C. */
  final int blockPairs;
  /** Sparse blocks, 2 B ints each (null when dense). */
  final int[] blocks;
  /** Sparse: the self row's pairs, ints [selfBegin, selfEnd) of {@link #blocks}. */
  final int selfBegin;
  final int selfEnd;
  /** Dense rows, features x C (null when sparse); the self row at {@link #selfBegin}. */
  final int[] denseRows;

  private CompiledKernel(int classes, boolean dense, long entries, long maxAbsEntry, int[] firstBlock,
      byte[] blockCount, int blockPairs, int[] blocks, int selfBegin, int selfEnd, int[] denseRows) {
    this.classes = classes;
    this.dense = dense;
    this.entries = entries;
    this.maxAbsEntry = maxAbsEntry;
    this.featureInfo = new int[blockCount.length];
    for (int f = 0; f < blockCount.length; f++) {
      int count = blockCount[f] & 0xFF;
      featureInfo[f] = firstBlock[f] << 8 | count;
    }
    this.blockPairs = blockPairs;
    this.blocks = blocks;
    this.selfBegin = selfBegin;
    this.selfEnd = selfEnd;
    this.denseRows = denseRows;
  }

  static int firstBlock(int featureInfo) {
    return featureInfo >>> 8;
  }

  static int blockCount(int featureInfo) {
    return featureInfo & 0xFF;
  }

  static CompiledKernel compile(MotionKernel kernel, boolean dense) {
    MotionGeometry g = kernel.geometry();
    int features = g.featureCount();
    int c = kernel.classCount();
    int self = g.selfFeature();
    int[] w = kernel.weightsQ16().clone();
    int[] b = kernel.biasesQ16();
    // The self row with the biases, saturated to the Q16.16 range.
    for (int k = 0; k < c; k++) {
      long v = (long) w[self * c + k] + b[k];
      w[self * c + k] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
    long maxAbs = 0;
    for (int v : w) {
      maxAbs = Math.max(maxAbs, Math.abs((long) v));
    }
    int[] firstBlock = new int[features];
    byte[] blockCount = new byte[features];
    if (dense) {
      // block f = row f
      for (int f = 0; f < features; f++) {
        firstBlock[f] = f;
        blockCount[f] = (byte) (f == self ? 0 : 1);
      }
      return new CompiledKernel(c, true, w.length, maxAbs, firstBlock, blockCount, c, null, self * c, self * c + c, w);
    }
    int[] rowLength = new int[features];
    long total = 0;
    int longest = 0;
    for (int f = 0; f < features; f++) {
      for (int k = 0; k < c; k++) {
        rowLength[f] += w[f * c + k] != 0 ? 1 : 0;
      }
      total += rowLength[f];
      if (f != self) {
        longest = Math.max(longest, rowLength[f]);
      }
    }
    int pairs = Math.max(BLOCK_PAIRS, (longest + MAX_ROW_BLOCKS - 1) / MAX_ROW_BLOCKS);
    long blockTotal = 0;
    for (int f = 0; f < features; f++) {
      blockTotal += (rowLength[f] + pairs - 1) / pairs;
    }
    if (2L * pairs * blockTotal > Integer.MAX_VALUE - 8 || blockTotal >= 1 << 23) {
      throw new IllegalArgumentException("motion detector: sparse kernel too large (" + total + " entries)");
    }
    int[] blocks = new int[(int) (2L * pairs * blockTotal)];
    int next = 0;
    int selfBlock = 0;
    // The self row's blocks go last; the other rows' in feature order.
    for (int pass = 0; pass < 2; pass++) {
      for (int f = 0; f < features; f++) {
        if ((f == self) != (pass == 1)) {
          continue;
        }
        int count = (rowLength[f] + pairs - 1) / pairs;
        if (f == self) {
          selfBlock = next;
        } else {
          firstBlock[f] = next;
          blockCount[f] = (byte) count;
        }
        int at = 2 * pairs * next;
        int last = 0;
        for (int k = 0; k < c; k++) {
          if (w[f * c + k] != 0) {
            blocks[at++] = k;
            blocks[at++] = w[f * c + k];
            last = k;
          }
        }
        for (int end = 2 * pairs * (next + count), pad = 1; at < end; pad++) {
          blocks[at++] = (last + pad) % c; // weight 0: a class other than the last one, no add chain on it
          blocks[at++] = 0;
        }
        next += count;
      }
    }
    return new CompiledKernel(c, false, total, maxAbs, firstBlock, blockCount, pairs, blocks, 2 * pairs * selfBlock,
        2 * pairs * next, null);
  }
}
