package io.ganglion.controllers.motion;

/**
 * The detector's gather: finds the K x K x 2 time-surface entries around an event whose age is
 * below D (the earlier events the kernel sees) and writes the {@link CompiledKernel#featureInfo}
 * of each one whose row is not empty into a row list: one int store per entry, counted only when
 * the row is live, no branch. Entries are visited in the order (dy, dx, absolute polarity); the
 * feature of an entry of relative polarity q = polarity xor p, age a and position j = dy K + dx is
 * f = (q D + a) K K + j. The event's own entry (age 0, the self feature) is never listed: its row
 * holds the biases and the caller adds it once per event.
 *
 * <p>Kernels up to 5 x 5 are gathered 8 entries per load (SWAR): a row of the neighbourhood is 2K
 * consecutive bytes of the surface, read as one little-endian long (2K &lt;= 8) or two (bytes
 * 0..7 and 2K-8..2K-1, overlapping). Per byte, with H = 0x80 in every byte and L the entry's age
 * limit (1 + the largest age below D whose row is live at that position and relative polarity; 0
 * when none is):
 *
 * <pre>
 *   age   = (cur - s) mod 256                                                 ({@link TimeSurface#ages})
 *   old   = age &gt;= L              = (age | ((age &amp; ~H) + (128 - L))) &amp; H     (no carry between bytes)
 *   young = ~old &amp; H, packed to one bit per byte by ((young &gt;&gt;&gt; 7) * 0x0102040810204080) &gt;&gt;&gt; 56
 * </pre>
 *
 * Word g of the neighbourhood gives bits 8g..8g+7 of a 128-bit mask (two longs); only its set bits
 * (about one entry in four on the benchmark's dense stream, fewer when pruning emptied rows) cost
 * a lookup: the age byte from the stored word and the feature info from a table indexed by
 * (polarity, age, slot). Larger kernels take the entries one byte at a time. Allocation-free.
 */
final class NeighbourhoodGather {

  private static final long H = TimeSurface.H;
  private static final long PACK = 0x0102040810204080L;
  /** Largest kernel side gathered with SWAR: 2 K K entries fit one long mask. */
  static final int MAX_SWAR_KERNEL = 5;

  private final CompiledKernel compiled;
  private final int k;
  private final int kk;
  private final int delays;
  private final int strideBytes;
  private final boolean swar;
  /**
   * SWAR: per polarity p and word g, per byte: 128 - the entry's age limit, where the limit is 1 +
   * the largest age below D whose row is live at that entry (0 when none is: never young). An
   * entry older than every live row of its position is dropped before any table lookup, which is
   * what makes a kernel pruned to whole positions and delays cheap.
   */
  private final long[] youngBias;
  /** Per polarity p and entry e = dy 2K + b (byte b of its row): (q D) K K + j, so that f = base + a K K. */
  private final int[] featureBase;
  /** SWAR: longs read per neighbourhood row (1 for 2K &lt;= 8 bytes, else 2: bytes 0..7 and 2K-8..2K-1). */
  private final int wordsPerRow;
  /** SWAR: per word, the bit mask of its bytes that are the row's (the second word's lower bytes repeat the first's). */
  private final long[] wordValid;
  /** SWAR: per (polarity p, age a, word slot E = 8 g + t): the feature info, at ((p D + a) &lt;&lt; 7) | E. */
  private final int[] slotInfo;
  /** SWAR: the ages of the last neighbourhood, one word per slot group g. */
  private final long[] ageWords;

  NeighbourhoodGather(MotionGeometry g, CompiledKernel compiled, int paddedWidthPx) {
    this.compiled = compiled;
    this.k = g.kernelSize();
    this.kk = k * k;
    this.delays = g.delays();
    this.strideBytes = 2 * paddedWidthPx;
    this.swar = k <= MAX_SWAR_KERNEL;
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
    this.wordsPerRow = 2 * k <= 8 ? 1 : 2;
    this.wordValid = new long[] {2 * k >= 8 ? 0xFF : (1 << 2 * k) - 1, (0xFF << Math.max(0, 16 - 2 * k)) & 0xFF};
    this.ageWords = new long[swar ? k * wordsPerRow : 0];
    this.slotInfo = new int[swar ? 2 * delays * 128 : 0];
    this.youngBias = new long[swar ? 2 * k * wordsPerRow : 0];
    for (int slot = 0; swar && slot < k * wordsPerRow * 8; slot++) {
      int word = slot >> 3;
      int t = slot & 7;
      int dy = word / wordsPerRow;
      int w = word % wordsPerRow;
      if (((wordValid[w] >> t) & 1) == 0) {
        continue;
      }
      int b = w == 0 ? t : t + 2 * k - 8;
      for (int p = 0; p < 2; p++) {
        int limit = 0;
        for (int a = 0; a < delays; a++) {
          int info = compiled.featureInfo[featureBase[p * entries + dy * 2 * k + b] + a * kk];
          slotInfo[((p * delays + a) << 7) | slot] = info;
          limit = CompiledKernel.rowCount(info) == 1 ? a + 1 : limit;
        }
        youngBias[p * k * wordsPerRow + word] |= (128L - limit) << (8 * t);
      }
    }
  }

  /**
   * The live rows of the neighbourhood with top-left entry {@code corner} (polarity 0) around an
   * event of polarity {@code polarity} at byte clock {@code cur}, as feature infos into
   * {@code rowList} (room for 2 K K): returns how many (the self row not included).
   */
  int gather(byte[] bins, int corner, int polarity, int cur, int[] rowList) {
    return swar ? gatherSwar(bins, corner, polarity, cur, rowList) : gatherBytes(bins, corner, polarity, cur, rowList);
  }

  private int gatherSwar(byte[] bins, int corner, int polarity, int cur, int[] rowList) {
    long clock = (cur & 0xFFL) * TimeSurface.ONES;
    long[] bias = youngBias;
    long[] ages = ageWords;
    int words = wordsPerRow;
    // young bits: slot E = 8 g + t for byte t of word g; words 0..7 in mask0, 8..15 in mask1
    long mask0 = 0;
    long mask1 = 0;
    int biasOffset = polarity * k * words;
    if (k == 5) {
      // the shipped models' 5 x 5 kernel, unrolled: rows 0..3 fill mask0, row 4 the low 16 bits of mask1
      int st = strideBytes;
      for (int dy = 0, at = corner; dy < 4; dy++, at += st) {
        mask0 |= (youngBits(bins, at, 2 * dy, clock, bias[biasOffset + 2 * dy])
            | (youngBits(bins, at + 2, 2 * dy + 1, clock, bias[biasOffset + 2 * dy + 1]) & 0xC0) << 8)
            << (16 * dy);
      }
      int at = corner + 4 * st;
      mask1 = youngBits(bins, at, 8, clock, bias[biasOffset + 8])
          | (youngBits(bins, at + 2, 9, clock, bias[biasOffset + 9]) & 0xC0) << 8;
    } else {
      for (int dy = 0, at = corner, g = 0; dy < k; dy++, at += strideBytes) {
        for (int w = 0; w < words; w++, g++) {
          long packed = youngBits(bins, w == 0 ? at : at + 2 * k - 8, g, clock, bias[biasOffset + g])
              & wordValid[w];
          if (g < 8) {
            mask0 |= packed << (8 * g);
          } else {
            mask1 |= packed << (8 * (g - 8));
          }
        }
      }
    }
    int row = polarity * delays;
    int n = collect(mask0, 0, row, ages, rowList, 0);
    return mask1 == 0 ? n : collect(mask1, 64, row, ages, rowList, n);
  }

  /**
   * The young bits of the 8 surface entries at {@code at}, packed into bits 0..7 (entry t at bit
   * t), their ages at clock {@code clock} (the clock byte in every byte) kept as word {@code g};
   * {@code bias} holds 128 - the age limit of each byte.
   */
  private long youngBits(byte[] bins, int at, int g, long clock, long bias) {
    // per byte: age = (cur - s) mod 256; young = age below its slot's limit
    long age = TimeSurface.ages(clock, (long) TimeSurface.LONGS.get(bins, at));
    ageWords[g] = age;
    long young = ~(age | ((age & ~H) + bias)) & H;
    return ((young >>> 7) * PACK) >>> 56;
  }

  /** The feature infos of the young slots of {@code mask} (slots {@code slotBase} + bit), appended at {@code n}. */
  private int collect(long mask, int slotBase, int row, long[] ages, int[] rowList, int n) {
    int[] info = slotInfo;
    while (mask != 0) {
      int slot = slotBase + Long.numberOfTrailingZeros(mask);
      mask &= mask - 1;
      int a = (int) (ages[slot >>> 3] >>> ((slot & 7) << 3)) & 0xFF;
      int fi = info[((row + a) << 7) | slot];
      rowList[n] = fi;
      n += CompiledKernel.rowCount(fi);
    }
    return n;
  }

  private int gatherBytes(byte[] bins, int corner, int polarity, int cur, int[] rowList) {
    int[] info = compiled.featureInfo;
    int[] base = featureBase;
    int baseOffset = polarity * 2 * kk;
    int n = 0;
    for (int dy = 0, at = corner, e = 0; dy < k; dy++, at += strideBytes) {
      for (int b = 0; b < 2 * k; b++, e++) {
        int a = (cur - bins[at + b]) & 0xFF;
        if (a < delays) {
          int fi = info[base[baseOffset + e] + a * kk];
          rowList[n] = fi;
          n += CompiledKernel.rowCount(fi);
        }
      }
    }
    return n;
  }
}
