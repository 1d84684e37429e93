package io.ganglion.controllers.fixed;

/**
 * Builds {@link FixedMath}'s tables once, at class initialisation. Reproducible bit-for-bit on
 * every JVM: each entry is {@code Math.round(StrictMath.f(a) * 2^n)} where the argument {@code a}
 * is an exactly representable double (an integer divided by a power of two), {@code StrictMath}'s
 * exp and tanh are the fdlibm algorithms the Java specification requires bit-for-bit, the scale
 * by 2^n is exact and {@code Math.round} is exact. (Java 17 evaluates all floating point strictly.)
 */
final class FixedMathTables {

  /** tanh table: cells of 2^-9 over [0, 7]. */
  static final int TANH_CELL_BITS = 9;
  static final int TANH_CELLS = 7 << TANH_CELL_BITS;

  private FixedMathTables() {}

  /** tanh(k / 512) in Q2.30 for k in [0, 3584]. */
  static int[] tanhQ30() {
    int[] table = new int[TANH_CELLS + 1];
    for (int k = 0; k <= TANH_CELLS; k++) {
      table[k] = (int) Math.round(StrictMath.tanh(k / 512.0) * (1 << 30));
    }
    return table;
  }

  /** e^i in Q16.48 for i in [-12, 10] (index i + 12); the largest, e^10 * 2^48, is 6.2e18 &lt; 2^63. */
  static long[] expIntegerQ48() {
    long[] table = new long[23];
    for (int i = -12; i <= 10; i++) {
      table[i + 12] = Math.round(StrictMath.exp(i) * 0x1p48);
    }
    return table;
  }

  /** e^(j / 256) in Q2.61 for j in [0, 255]; the largest, e^(255/256) * 2^61, is 6.2e18 &lt; 2^63. */
  static long[] expHighByteQ61() {
    long[] table = new long[256];
    for (int j = 0; j < 256; j++) {
      table[j] = Math.round(StrictMath.exp(j / 256.0) * 0x1p61);
    }
    return table;
  }

  /** e^(k / 65536) in Q1.62 for k in [0, 255]; the largest is 1.0039 * 2^62 &lt; 2^63. */
  static long[] expLowByteQ62() {
    long[] table = new long[256];
    for (int k = 0; k < 256; k++) {
      table[k] = Math.round(StrictMath.exp(k / 65536.0) * 0x1p62);
    }
    return table;
  }
}
