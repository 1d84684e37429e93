package io.ganglion.controllers.fixed;

/**
 * Q16.16 fixed-point numbers in an {@code int}: value = raw / 2^16, range [-32768, 32768 - 2^-16],
 * resolution 2^-16 (about 1.5e-5).
 *
 * <p>Every operation saturates: a result beyond the range becomes {@link #MAX} or {@link #MIN},
 * never a wrapped value. Products and quotients are computed exactly in {@code long} and rounded
 * once to the nearest representable value (ties toward +infinity for products, away from zero for
 * quotients), so each operation's error is at most half a unit in the last place (2^-17) unless it
 * saturates. Division by zero saturates to the sign of the dividend (0 / 0 = 0). No floating
 * point is used except in the conversions {@link #fromDouble} and {@link #toDouble}, which are for
 * the boundary between the firmware's SI units and the control law.
 *
 * <p>All methods are static, allocation-free and deterministic on every JVM.
 */
public final class Q16 {

  /** Number of fraction bits. */
  public static final int FRACTION_BITS = 16;
  /** 1.0 */
  public static final int ONE = 1 << FRACTION_BITS;
  /** 0.5 */
  public static final int HALF = 1 << (FRACTION_BITS - 1);
  /** The largest value, 32768 - 2^-16. */
  public static final int MAX = Integer.MAX_VALUE;
  /** The smallest value, -32768. */
  public static final int MIN = Integer.MIN_VALUE;
  /** One unit in the last place, 2^-16, as a double. */
  public static final double ULP = 1.0 / ONE;

  private static final double SCALE = ONE;

  private Q16() {}

  /**
   * The nearest Q16.16 value to {@code value} (ties toward +infinity). Values beyond the range
   * saturate, infinities included; NaN has no fixed-point meaning and maps to 0, so callers that
   * must notice NaN check {@code Double.isFinite} first (the firmware does, and raises a fault).
   */
  public static int fromDouble(double value) {
    if (value != value) {
      return 0;
    }
    // value * 2^16 is exact (a power-of-two scale). Math.round is floor(x + 1/2) computed
    // exactly (ties toward +infinity); floor(scaled + 0.5) would not be: the sum rounds, e.g.
    // 0.49999999999999994 + 0.5 == 1.0.
    double scaled = value * SCALE;
    if (scaled >= 2147483647.0) {
      return MAX;
    }
    if (scaled <= -2147483648.0) {
      return MIN;
    }
    return (int) Math.round(scaled);
  }

  /** The exact double value of a Q16.16 number. */
  public static double toDouble(int q) {
    return q / SCALE;
  }

  /** {@code n} as Q16.16, saturating beyond +-32768. */
  public static int fromInt(int n) {
    return saturate((long) n << FRACTION_BITS);
  }

  /** Nearest integer to {@code q} (ties toward +infinity). */
  public static int roundToInt(int q) {
    return (int) (((long) q + HALF) >> FRACTION_BITS);
  }

  /** Clamps a 64-bit intermediate into the Q16.16 range. */
  public static int saturate(long raw) {
    if (raw > MAX) {
      return MAX;
    }
    if (raw < MIN) {
      return MIN;
    }
    return (int) raw;
  }

  /** a + b, saturating. */
  public static int add(int a, int b) {
    return saturate((long) a + b);
  }

  /** a - b, saturating. */
  public static int sub(int a, int b) {
    return saturate((long) a - b);
  }

  /** -a, saturating (-MIN is MAX). */
  public static int neg(int a) {
    return a == MIN ? MAX : -a;
  }

  /** |a|, saturating (|MIN| is MAX). */
  public static int abs(int a) {
    return a < 0 ? neg(a) : a;
  }

  /** a * b = (a_raw * b_raw + 2^15) >> 16, computed in 64 bits, rounded, saturating. */
  public static int mul(int a, int b) {
    return saturate(((long) a * b + HALF) >> FRACTION_BITS);
  }

  /**
   * acc + a * b with a single rounding: (acc_raw * 2^16 + a_raw * b_raw + 2^15) >> 16, saturating.
   * The 64-bit intermediate cannot overflow (|acc * 2^16| &lt;= 2^47, |a * b| &lt;= 2^62).
   */
  public static int mulAdd(int acc, int a, int b) {
    return saturate((((long) acc << FRACTION_BITS) + (long) a * b + HALF) >> FRACTION_BITS);
  }

  /**
   * a / b = round((a_raw * 2^16) / b_raw), ties away from zero, saturating. Division by zero
   * saturates to the sign of {@code a}: MAX for a &gt; 0, MIN for a &lt; 0, and 0 for 0 / 0.
   */
  public static int div(int a, int b) {
    if (b == 0) {
      return a > 0 ? MAX : (a < 0 ? MIN : 0);
    }
    long numerator = (long) a << FRACTION_BITS;
    long halfDivisor = b / 2;
    long quotient =
        ((numerator ^ b) >= 0 ? numerator + halfDivisor : numerator - halfDivisor) / b;
    return saturate(quotient);
  }

  /** The smaller of a and b. */
  public static int min(int a, int b) {
    return a <= b ? a : b;
  }

  /** The larger of a and b. */
  public static int max(int a, int b) {
    return a >= b ? a : b;
  }

  /** a clamped to [lo, hi]. */
  public static int clamp(int a, int lo, int hi) {
    return a < lo ? lo : (a > hi ? hi : a);
  }

  /** a clamped to [0, 1]: the "graded activation" of the neural laws. */
  public static int clamp01(int a) {
    return a < 0 ? 0 : (a > ONE ? ONE : a);
  }

  /** A readable form for messages and logs, e.g. {@code "1.500000"}; not for hot paths. */
  public static String toString(int q) {
    return String.format(java.util.Locale.ROOT, "%.6f", toDouble(q));
  }
}
