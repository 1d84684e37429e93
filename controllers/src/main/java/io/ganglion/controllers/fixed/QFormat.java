package io.ganglion.controllers.fixed;

/**
 * Fixed-point numbers in an {@code int} with a chosen number of fraction bits {@code f}, for the
 * laws that need a format other than {@link Q16}: value = raw / 2^f, range [-2^(31-f),
 * 2^(31-f) - 2^-f], resolution 2^-f. Examples: f = 16 is Q16.16 (range +-32768), f = 24 is Q8.24
 * (range +-128, resolution 6e-8), f = 30 is Q1.30 (range +-2, resolution 9.3e-10), f = 31 is Q0.31
 * (range [-1, 1)). A format is named here by its fraction bits only, to avoid the two conventions
 * for counting the sign bit in "Qm.n".
 *
 * <p>Rules, the same as {@link Q16}'s:
 *
 * <ul>
 *   <li>Every result is rounded once to the nearest representable value, ties toward +infinity
 *       (conversions, products) or away from zero (quotients), so the error is at most half a unit
 *       of the result's last place.
 *   <li>Every result saturates: beyond the range it becomes {@link Integer#MAX_VALUE} or {@link
 *       Integer#MIN_VALUE}, never a wrapped value. Division by zero saturates to the sign of the
 *       dividend (0 / 0 = 0).
 *   <li>Fraction-bit counts are the law's constants, not data: they must lie in [0, 31] (shifts in
 *       [0, 62] for {@link #mul}); other values throw {@link IllegalArgumentException}, which a
 *       law's constructor should trigger once with {@link #requireFractionBits}.
 * </ul>
 *
 * <p>All methods are static, allocation-free and deterministic; only {@link #fromDouble} and
 * {@link #toDouble} use floating point, for setup and for the boundary with SI units.
 */
public final class QFormat {

  /** The largest supported number of fraction bits (Q0.31). */
  public static final int MAX_FRACTION_BITS = 31;

  private QFormat() {}

  /**
   * Returns {@code fractionBits} if it is in [0, 31], else throws an {@link
   * IllegalArgumentException} naming the parameter.
   */
  public static int requireFractionBits(int fractionBits) {
    if ((fractionBits & ~MAX_FRACTION_BITS) != 0) {
      throw new IllegalArgumentException(
          "fraction bits must be in [0, 31] for a Q format in an int, got " + fractionBits);
    }
    return fractionBits;
  }

  /** 1.0 in the format with {@code fractionBits} fraction bits ({@code MAX_VALUE} for f = 31, where 1.0 is out of range). */
  public static int one(int fractionBits) {
    return Q16.saturate(1L << requireFractionBits(fractionBits));
  }

  /**
   * Converts {@code value} from {@code fromFractionBits} to {@code toFractionBits} fraction bits:
   * value * 2^(to - from), rounded to nearest (ties toward +infinity) when bits are dropped,
   * saturating when integer bits are dropped.
   */
  public static int convert(int value, int fromFractionBits, int toFractionBits) {
    int shift = requireFractionBits(toFractionBits) - requireFractionBits(fromFractionBits);
    if (shift >= 0) {
      // |value| <= 2^31 and shift <= 31: the product fits in 63 bits.
      return Q16.saturate((long) value << shift);
    }
    int drop = -shift;
    // round(value / 2^drop) = floor((value + 2^(drop-1)) / 2^drop); never leaves the int range.
    return (int) (((long) value + (1L << (drop - 1))) >> drop);
  }

  /**
   * The nearest value to {@code value} with {@code fractionBits} fraction bits (ties toward
   * +infinity), saturating; infinities saturate and NaN maps to 0 (as {@link Q16#fromDouble}).
   */
  public static int fromDouble(double value, int fractionBits) {
    if (value != value) {
      return 0;
    }
    // A power-of-two scale is exact; Math.round is the exact floor(x + 1/2).
    double scaled = value * (double) (1L << requireFractionBits(fractionBits));
    if (scaled >= 2147483647.0) {
      return Integer.MAX_VALUE;
    }
    if (scaled <= -2147483648.0) {
      return Integer.MIN_VALUE;
    }
    return (int) Math.round(scaled);
  }

  /** The exact double value of {@code raw} with {@code fractionBits} fraction bits. */
  public static double toDouble(int raw, int fractionBits) {
    return raw / (double) (1L << requireFractionBits(fractionBits));
  }

  /**
   * round(a * b / 2^shift), saturating, with one rounding (ties toward +infinity). With a in a
   * format of fa fraction bits and b of fb, the result has fa + fb - shift fraction bits: {@code
   * mul(a, b, f)} multiplies two numbers of the same format f; {@code mul(q16, q8_24, 24)} scales a
   * Q16.16 signal by a Q8.24 gain and returns Q16.16. {@code shift} must be in [0, 62].
   */
  public static int mul(int a, int b, int shift) {
    requireShift(shift);
    // |a * b| <= 2^62 and the half-unit <= 2^61: the sum fits in a long.
    return Q16.saturate(((long) a * b + ((1L << shift) >> 1)) >> shift);
  }

  /**
   * acc + round(a * b / 2^shift), saturating, with one rounding: acc is in the result's format
   * (fa + fb - shift fraction bits), and adding an integer commutes with rounding, so this equals
   * round((acc * 2^shift + a * b) / 2^shift) without its overflow. {@code shift} in [0, 62].
   */
  public static int mulAdd(int acc, int a, int b, int shift) {
    requireShift(shift);
    return Q16.saturate(acc + (((long) a * b + ((1L << shift) >> 1)) >> shift));
  }

  /**
   * round(a * 2^shift / b), ties away from zero, saturating: with a and b in formats of fa and fb
   * fraction bits the quotient has fa - fb + shift; {@code div(a, b, f)} divides two numbers of
   * the same format f. Division by zero saturates to the sign of {@code a} (0 / 0 = 0). {@code
   * shift} in [0, 31].
   */
  public static int div(int a, int b, int shift) {
    long numerator = (long) a << requireFractionBits(shift); // |.| <= 2^62
    if (b == 0) {
      return a > 0 ? Integer.MAX_VALUE : (a < 0 ? Integer.MIN_VALUE : 0);
    }
    // Truncating division of (|n| + floor(|b| / 2)) by |b|, with the quotient's sign: round half away from zero.
    long halfDivisor = b / 2;
    long quotient = ((numerator ^ b) >= 0 ? numerator + halfDivisor : numerator - halfDivisor) / b;
    return Q16.saturate(quotient);
  }

  private static void requireShift(int shift) {
    if (shift < 0 || shift > 62) {
      throw new IllegalArgumentException("product shift must be in [0, 62], got " + shift);
    }
  }
}
