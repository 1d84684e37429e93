package io.ganglion.controllers.fixed;

/**
 * exp, the logistic sigmoid and tanh on Q16.16, from tables, in integer arithmetic only:
 * allocation-free, deterministic, saturating. The error bounds below are the maxima of
 * |f(x) - Math.f(x)| over all 2^32 Q16.16 inputs: every input of the non-saturating range is
 * checked (exhaustively, by {@code ./ganglion fixed-point errors} and the tests), and in the
 * saturating ranges the result is a constant whose error is bounded by monotonicity. Each bound
 * is within 5% of half an ulp of Q16.16 (2^-17 = 7.63e-6), the floor for any Q16.16 result.
 *
 * <p><b>Tables.</b> They are built once at class initialisation by {@link FixedMathTables} from
 * {@code StrictMath.tanh} and {@code StrictMath.exp} (fdlibm, specified bit-for-bit) of exactly
 * representable arguments, rounded with {@code Math.round} (exact): the tables, hence every
 * result, are identical on every JVM.
 *
 * <ul>
 *   <li>tanh: 3585 entries, tanh(k / 512) for k in [0, 3584] in Q2.30 (14 KB), covering [0, 7];
 *       linear interpolation, odd symmetry.
 *   <li>sigmoid: the same tanh table through sigmoid(x) = (1 + tanh(x / 2)) / 2, so it has an
 *       effective cell of 1/256 over [0, 14]; symmetry sigmoid(-x) = 1 - sigmoid(x).
 *   <li>exp: no interpolation is needed because exp splits exactly: for x = i + j/256 + k/65536
 *       (i the integer part, j and k the two bytes of the fraction), exp(x) = e^i * e^(j/256) *
 *       e^(k/65536) from three tables (23 + 256 + 256 longs, 4 KB) multiplied with 128-bit
 *       products ({@code Math.multiplyHigh}, an integer operation). Linear interpolation could
 *       not reach half an ulp near exp's top (32768, where an ulp is a relative 4.7e-10): that
 *       would need a cell of 2^-15.
 * </ul>
 */
public final class FixedMath {

  /**
   * The bound on |exp(x) - Math.exp(x)| over all Q16.16 inputs x whose result does not saturate at
   * MAX: half an ulp. Measured over every input in [-12, 10.39722): 7.629388e-6 at x = -1.978455.
   */
  public static final double EXP_MAX_ABS_ERROR = 7.63e-6;
  /**
   * The bound on |sigmoid(x) - 1 / (1 + Math.exp(-x))| over all Q16.16 inputs. Measured over every
   * input in (-14, 14): 7.809410e-6 at x = -1.232315.
   */
  public static final double SIGMOID_MAX_ABS_ERROR = 7.81e-6;
  /**
   * The bound on |tanh(x) - Math.tanh(x)| over all Q16.16 inputs. Measured over every input in
   * (-7, 7): 7.992908e-6 at x = -0.643509.
   */
  public static final double TANH_MAX_ABS_ERROR = 8.00e-6;

  /**
   * The smallest input whose exp is {@link Q16#MAX}: ceil(ln(32768) * 2^16) = 681392 (x = 10.39722);
   * from here on e^x &gt;= 32768 - 2^-17, beyond the largest value plus half an ulp.
   */
  public static final int EXP_SATURATION_INPUT = 681_392;
  /** Below this input (-12), exp returns 0: exp(-12) = 6.1e-6 is under half an ulp (7.6e-6). */
  public static final int EXP_ZERO_BELOW = -12 << 16;
  /** From this |x| (7) on, tanh returns +-1: 1 - tanh(7) = 1.7e-6. */
  public static final int TANH_SATURATION_INPUT = 7 << 16;
  /** From this |x| (14) on, sigmoid returns 1 or 0: 1 - sigmoid(14) = 8.3e-7. */
  public static final int SIGMOID_SATURATION_INPUT = 14 << 16;

  private static final int[] TANH_Q30 = FixedMathTables.tanhQ30();
  private static final long[] EXP_INT_Q48 = FixedMathTables.expIntegerQ48();
  private static final long[] EXP_HIGH_BYTE_Q61 = FixedMathTables.expHighByteQ61();
  private static final long[] EXP_LOW_BYTE_Q62 = FixedMathTables.expLowByteQ62();

  private FixedMath() {}

  /**
   * e^x in Q16.16. Saturates to {@link Q16#MAX} from {@link #EXP_SATURATION_INPUT} (x &gt; ln
   * 32768 = 10.397) on; returns 0 below -12. Maximum absolute error against {@code Math.exp}:
   * {@value #EXP_MAX_ABS_ERROR} (half an ulp: the result is the correctly rounded value up to a
   * relative 1e-15), so the relative error is at most 2^-17 / e^x: 7.63e-6 at x = 0, 2.3e-10 near
   * the top. Integer only, allocation-free.
   */
  public static int exp(int x) {
    if (x >= EXP_SATURATION_INPUT) {
      return Q16.MAX;
    }
    if (x < EXP_ZERO_BELOW) {
      return 0;
    }
    int i = x >> 16; // floor: the integer part, in [-12, 10]
    int j = (x >>> 8) & 0xFF; // the fraction's high byte
    int k = x & 0xFF; // the fraction's low byte
    // e^(j/256) * e^(k/65536): Q61 * Q62 / 2^64 = Q59, below e * 2^59.
    long fraction = Math.multiplyHigh(EXP_HIGH_BYTE_Q61[j], EXP_LOW_BYTE_Q62[k]);
    // * e^i: Q59 * Q48 / 2^64 = Q43, below e^11 * 2^43 < 2^60.
    long y = Math.multiplyHigh(fraction, EXP_INT_Q48[i + 12]);
    return Q16.saturate((y + (1L << 26)) >> 27); // Q43 -> Q16.16, rounded once
  }

  /**
   * The logistic sigmoid 1 / (1 + e^-x) in Q16.16, in [0, 1]. Returns exactly 1 from {@link
   * #SIGMOID_SATURATION_INPUT} (14) on and 0 at and below -14; sigmoid(-x) = 1 - sigmoid(x)
   * exactly. Maximum absolute error against 1 / (1 + Math.exp(-x)): {@value
   * #SIGMOID_MAX_ABS_ERROR}. Integer only, allocation-free.
   */
  public static int sigmoid(int x) {
    if (x >= SIGMOID_SATURATION_INPUT) {
      return Q16.ONE;
    }
    if (x <= -SIGMOID_SATURATION_INPUT) {
      return 0;
    }
    int sign = x >> 31; // 0 or -1
    int a = (x ^ sign) - sign; // |x| < 14 * 2^16
    // sigmoid(a) = (1 + tanh(a / 2)) / 2. The raw a read as Q15.17 is a / 2 exactly; a tanh cell
    // (1/512) is 2^8 units of Q15.17.
    int cell = a >>> 8;
    long t = a & 0xFF;
    long y0 = TANH_Q30[cell];
    long y1 = TANH_Q30[cell + 1];
    long tanhQ38 = (y0 << 8) + (y1 - y0) * t;
    // (2^38 + tanh) / 2 in Q38 -> Q16.16: drop 23 bits, rounded once.
    int s = (int) (((1L << 38) + tanhQ38 + (1L << 22)) >> 23);
    return sign == 0 ? s : Q16.ONE - s;
  }

  /**
   * tanh(x) in Q16.16, in [-1, 1]. Returns +-1 from |x| = {@link #TANH_SATURATION_INPUT} (7) on;
   * tanh(-x) = -tanh(x) exactly. Maximum absolute error against {@code Math.tanh}: {@value
   * #TANH_MAX_ABS_ERROR} (interpolation 3.7e-7 + half an ulp). Integer only, allocation-free.
   */
  public static int tanh(int x) {
    if (x >= TANH_SATURATION_INPUT) {
      return Q16.ONE;
    }
    if (x <= -TANH_SATURATION_INPUT) {
      return -Q16.ONE;
    }
    int sign = x >> 31;
    int a = (x ^ sign) - sign; // |x| < 7 * 2^16
    int cell = a >>> 7; // a cell (1/512) is 2^7 units of Q16.16
    long t = a & 0x7F;
    long y0 = TANH_Q30[cell];
    long y1 = TANH_Q30[cell + 1];
    long yQ37 = (y0 << 7) + (y1 - y0) * t;
    int r = (int) ((yQ37 + (1L << 20)) >> 21); // Q37 -> Q16.16, rounded once
    return (r ^ sign) - sign;
  }
}
