package io.ganglion.controllers.motion;

/**
 * The detector's gather: finds the K x K x 2 time-surface entries around an event whose age is
 * below D (the earlier events the kernel sees) and appends the blocks of each one's row
 * ({@link CompiledKernel}) to a block list, tagged with the caller's neuron row: per entry, its
 * first four blocks stored unconditionally and the count advanced by its block count (0 for an
 * empty row), so a row costs no branch unless it has more than four blocks. The feature of an
 * entry of relative polarity q = polarity xor p, age a and position j = dy K + dx is
 * f = (q D + a) K K + j. The event's own entry (age 0, the self feature) is never listed: its row
 * holds the biases and the caller adds it once per event.
 *
 * <p>Kernels up to 5 x 5 are gathered 8 entries per load (SWAR): a row of the neighbourhood is 2K
 * consecutive bytes of the surface (x, then polarity), so for 2K &lt;= 8 one little-endian long
 * per row; for the 5 x 5 kernel of the shipped models, bytes 0..7 of each row (5 longs), bytes 8,
 * 9 of rows 0..3 (four 16-bit pieces gathered into one long) and bytes 8, 9 of row 4 (the top of
 * the long at byte 2): 7 words, not 10. Per byte, with H = 0x80 in every byte and L the entry's
 * age limit (1 + the largest age below D whose row is live at that position and relative
 * polarity; 0 when none is):
 *
 * <pre>
 *   age   = (cur - s) mod 256                                                 ({@link TimeSurface#ages})
 *   old   = age &gt;= L              = (age | ((age &amp; ~H) + (128 - L))) &amp; H     (no carry between bytes)
 *   young = ~old &amp; H, packed to one bit per byte by ((young &gt;&gt;&gt; 7) * 0x0102040810204080) &gt;&gt;&gt; 56
 * </pre>
 *
 * Each entry has a <em>slot</em>: its bit in a 64-bit young mask and its byte in a scratch of the
 * words' ages (for K &lt;= 4 the slot is dy 2K + b; for K = 5, 8 dy + b for bytes 0..7, then 40 +
 * 2 dy + b - 8 for the tails of rows 0..3, then 48, 49). Only the set bits (about one entry in
 * five on the benchmark's dense stream at 5% of the weights) cost a lookup: the age byte and the
 * feature info from a table indexed by (polarity, age, slot). Blocks are listed in slot order,
 * which for K = 5 is not the order (dy, dx, polarity): the callers whose sums saturate, so depend
 * on the order, use {@link #gatherInOrder}. The event's own entry is never young (limit 0): it
 * is always age 0, the self feature.
 * Larger kernels take the entries one byte at a time, in the order (dy, dx, absolute polarity).
 * Allocation-free.
 */
final class NeighbourhoodGather {

  private static final long H = TimeSurface.H;
  private static final long PACK = 0x0102040810204080L;
  /** Largest kernel side gathered with SWAR: 2 K K entries fit one long mask. */
  static final int MAX_SWAR_KERNEL = 5;

  private final int k;
  private final int kk;
  private final int delays;
  private final int strideBytes;
  private final boolean swar;
  /** The most blocks a row of the kernel takes. */
  private final int maxRowBlocks;
  /**
   * SWAR: per polarity p and word g, per byte: 128 - the entry's age limit, where the limit is 1 +
   * the largest age below D whose row is live at that entry (0 when none is: never young). An
   * entry older than every live row of its position is dropped before any table lookup, which is
   * what makes a kernel pruned to whole positions and delays cheap.
   */
  private final long[] youngBias;
  /** The feature infos of the kernel. */
  private final int[] featureInfo;
  /** Per polarity p and entry e = dy 2K + b (byte b of its row): (q D) K K + j, so that f = base + a K K. */
  private final int[] featureBase;
  /** SWAR: words tested per polarity (K for 2K &lt;= 8 bytes; 7 for K = 5, see {@link #gatherSwar}). */
  private final int wordsPerPolarity;
  /** SWAR: per (polarity p, age a, slot s): the feature info, at ((p D + a) &lt;&lt; 6) | s. */
  private final int[] slotInfo;
  /** SWAR: the ages of the last neighbourhood, slot s at byte s (+ 8 bytes of slack). */
  private final byte[] ageBytes;
  /** The live rows of the last gather. */
  private int rowsFound;

  NeighbourhoodGather(MotionGeometry g, CompiledKernel compiled, int paddedWidthPx) {
    this.k = g.kernelSize();
    this.kk = k * k;
    this.delays = g.delays();
    this.strideBytes = 2 * paddedWidthPx;
    this.swar = k <= MAX_SWAR_KERNEL;
    this.featureInfo = compiled.featureInfo;
    int most = 0;
    for (int info : featureInfo) {
      most = Math.max(most, CompiledKernel.blockCount(info));
    }
    this.maxRowBlocks = most;
    int entries = 2 * kk;
    this.featureBase = new int[2 * entries];
    for (int dy = 0; dy < k; dy++) {
      for (int b = 0; b < 2 * k; b++) {
        int e = dy * 2 * k + b;
        int j = dy * k + (b >> 1);
        for (int p = 0; p < 2; p++) {
          featureBase[p * entries + e] = ((b & 1) ^ p) * delays * kk + j;
        }
      }
    }
    this.wordsPerPolarity = k == 5 ? 7 : k;
    this.ageBytes = new byte[swar ? 64 + 8 : 0];
    this.slotInfo = new int[swar ? 2 * delays * 64 : 0];
    this.youngBias = new long[swar ? 2 * wordsPerPolarity : 0];
    for (int e = 0; swar && e < entries; e++) {
      int dy = e / (2 * k);
      int b = e % (2 * k);
      // the slot of entry e (its bit in the young mask and byte in the ages) and the word and byte that test it
      int slot;
      int word;
      int t;
      if (k != 5) {
        slot = e;
        word = dy;
        t = b;
      } else if (b < 8) {
        slot = 8 * dy + b;
        word = dy;
        t = b;
      } else if (dy < 4) {
        slot = 40 + 2 * dy + b - 8;
        word = 5;
        t = 2 * dy + b - 8;
      } else {
        slot = 48 + b - 8;
        word = 6;
        t = b - 2;
      }
      for (int p = 0; p < 2; p++) {
        int limit = 0;
        for (int a = 0; a < delays; a++) {
          int info = featureInfo[featureBase[p * entries + e] + a * kk];
          slotInfo[((p * delays + a) << 6) | slot] = info;
          limit = CompiledKernel.blockCount(info) > 0 ? a + 1 : limit;
        }
        if (dy == k / 2 && b == 2 * (k / 2) + p) {
          // the event's own entry: always age 0 (the surface is written first), the self row, added apart
          limit = 0;
        }
        youngBias[p * wordsPerPolarity + word] |= (128L - limit) << (8 * t);
      }
    }
  }

  /** Room a block list needs: every entry's blocks, plus the slack of the unconditional stores. */
  int blockListCapacity() {
    return 2 * kk * Math.max(4, maxRowBlocks) + 4;
  }

  /**
   * Appends the blocks of the live rows of the neighbourhood with top-left entry {@code corner}
   * (polarity 0) around an event of polarity {@code polarity} at byte clock {@code cur} to
   * {@code blockList} at {@code n} (room for {@link #blockListCapacity()} from there), each as
   * {@code tag | block} (the tag holds the caller's neuron row in its high 32 bits), in slot
   * order; returns the new count (the self row not included).
   */
  int gather(byte[] bins, int corner, int polarity, int cur, long[] blockList, int n, long tag) {
    return swar ? gatherSwar(bins, corner, polarity, cur, blockList, n, tag)
        : gatherBytes(bins, corner, polarity, cur, blockList, n, tag);
  }

  private int gatherSwar(byte[] bins, int corner, int polarity, int cur, long[] blockList, int n, long tag) {
    long clock = (cur & 0xFFL) * TimeSurface.ONES;
    int bo = polarity * wordsPerPolarity;
    // young bits: slot s at bit s. Two small methods, not one large one, so that the JIT inlines
    // them into the detector's event (a method over its inlining size costs a call per event).
    long mask = k == 5 ? youngMask5x5(bins, corner, clock, bo) : youngMaskSmall(bins, corner, clock, bo);
    return collect(mask, polarity * delays, blockList, n, tag);
  }

  /**
   * The shipped models' 5 x 5 kernel: a row is 10 bytes. Slots 8 dy + b: bytes 0..7 of row dy (one
   * word each); slots 40..47: bytes 8, 9 of rows 0..3, gathered into one word; slots 48, 49: bytes
   * 8, 9 of row 4 (bytes 6, 7 of its word at byte 2). 7 words, not 10.
   */
  private long youngMask5x5(byte[] bins, int corner, long clock, int bo) {
    long[] bias = youngBias;
    int st = strideBytes;
    int at = corner;
    long mask = 0;
    long tail = 0;
    for (int dy = 0; dy < 4; dy++, at += st) {
      mask |= youngBits(surfaceWord(bins, at), 8 * dy, clock, bias[bo + dy]) << (8 * dy);
      tail |= (surfaceWord(bins, at + 8) & 0xFFFF) << (16 * dy);
    }
    mask |= youngBits(surfaceWord(bins, at), 32, clock, bias[bo + 4]) << 32;
    // its ages land on bytes 42..49; the tail's (bytes 40..47) are stored after them
    mask |= (youngBits(surfaceWord(bins, at + 2), 42, clock, bias[bo + 6]) & 0xC0) << 42;
    return mask | youngBits(tail, 40, clock, bias[bo + 5]) << 40;
  }

  /** 2K &lt;= 8: one word per row; its bytes past 2K are the next pixels (masked out, their ages overwritten). */
  private long youngMaskSmall(byte[] bins, int corner, long clock, int bo) {
    long[] bias = youngBias;
    long rowBits = (1L << 2 * k) - 1;
    long mask = 0;
    for (int dy = 0, at = corner; dy < k; dy++, at += strideBytes) {
      mask |= (youngBits(surfaceWord(bins, at), 2 * k * dy, clock, bias[bo + dy]) & rowBits) << (2 * k * dy);
    }
    return mask;
  }

  private static long surfaceWord(byte[] bins, int at) {
    return (long) TimeSurface.LONGS.get(bins, at);
  }

  /**
   * The young bits of 8 surface entries, packed into bits 0..7 (entry t at bit t); their ages at
   * clock {@code clock} (the clock byte in every byte) stored at byte {@code ageAt} of the age
   * scratch; {@code bias} holds 128 - the age limit of each byte.
   */
  private long youngBits(long entries, int ageAt, long clock, long bias) {
    // per byte: age = (cur - s) mod 256; young = age below its slot's limit
    long age = TimeSurface.ages(clock, entries);
    TimeSurface.LONGS.set(ageBytes, ageAt, age);
    long young = ~(age | ((age & ~H) + bias)) & H;
    return ((young >>> 7) * PACK) >>> 56;
  }

  /** The blocks of the young slots of {@code mask}, appended at {@code n}; returns the new count. */
  private int collect(long mask, int row, long[] blockList, int n, long tag) {
    int[] info = slotInfo;
    byte[] ages = ageBytes;
    int rows = 0;
    while (mask != 0) {
      int e = Long.numberOfTrailingZeros(mask);
      mask &= mask - 1;
      int fi = info[((row + (ages[e] & 0xFF)) << 6) | e];
      rows += (CompiledKernel.blockCount(fi) + 255) >>> 8; // 1 for a row with blocks, 0 for an empty one
      n = append(fi, blockList, n, tag);
    }
    rowsFound = rows;
    return n;
  }

  /**
   * Appends the blocks of the row with feature info {@code fi}, tagged, at {@code n} (four stores
   * whatever its count; the list has room for them); returns the new count.
   */
  private static int append(int fi, long[] blockList, int n, long tag) {
    long first = tag | CompiledKernel.firstBlock(fi);
    int count = CompiledKernel.blockCount(fi);
    blockList[n] = first;
    blockList[n + 1] = first + 1;
    blockList[n + 2] = first + 2;
    blockList[n + 3] = first + 3;
    for (int i = 4; i < count; i++) {
      blockList[n + i] = first + i;
    }
    return n + count;
  }

  /**
   * The blocks of the live rows like {@link #gather}, into {@code blockList} from 0 and untagged,
   * but in the order (dy, dx, absolute polarity) whatever the kernel size (the order of the
   * paths whose sums saturate); returns how many. For the observer and the checked adds: one
   * byte at a time.
   */
  int gatherInOrder(byte[] bins, int corner, int polarity, int cur, long[] blockList) {
    return gatherBytes(bins, corner, polarity, cur, blockList, 0, 0L);
  }

  /** The live rows the last {@link #gather} or {@link #gatherInOrder} found (empty rows not counted). */
  int rowsFound() {
    return rowsFound;
  }

  private int gatherBytes(byte[] bins, int corner, int polarity, int cur, long[] blockList, int n, long tag) {
    int[] info = featureInfo;
    int[] base = featureBase;
    int baseOffset = polarity * 2 * kk;
    int rows = 0;
    for (int dy = 0, at = corner, e = 0; dy < k; dy++, at += strideBytes) {
      for (int b = 0; b < 2 * k; b++, e++) {
        int a = (cur - bins[at + b]) & 0xFF;
        if (a < delays) {
          int fi = info[base[baseOffset + e] + a * kk];
          rows += (CompiledKernel.blockCount(fi) + 255) >>> 8;
          n = append(fi, blockList, n, tag);
        }
      }
    }
    rowsFound = rows;
    return n;
  }
}
