package io.ganglion.controllers.fixed;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;

/** Exact arithmetic references (BigInteger/BigDecimal) and input sets for the fixed-point tests. */
final class ExactReference {

  static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  /** Edge values of an int-backed fixed-point number. */
  static final int[] EDGES = {
    0, 1, -1, 2, -2, 3, -3, 0x7FFF, 0x8000, -0x8000, 0x8001, 0xFFFF, 0x10000, -0x10000, 0x10001,
    -0x10001, 0x18000, -0x18000, 0x1_0000_00, 0x7FFF_0000, -0x7FFF_0000, 0x0100_0000,
    Integer.MAX_VALUE, Integer.MAX_VALUE - 1, Integer.MIN_VALUE, Integer.MIN_VALUE + 1,
    Integer.MAX_VALUE / 2, Integer.MIN_VALUE / 2, Integer.MAX_VALUE / 3, Integer.MIN_VALUE / 3,
    46341 << 8, -(46341 << 8), 181 << 16, -(181 << 16), 1 << 30, -(1 << 30)
  };

  private ExactReference() {}

  /** round(num / den) with ties toward +infinity: floor((2 num + den) / (2 den)), den > 0. */
  static BigInteger roundHalfUp(BigInteger num, BigInteger den) {
    BigInteger two = BigInteger.TWO;
    BigInteger[] qr = num.multiply(two).add(den).divideAndRemainder(den.multiply(two));
    BigInteger q = qr[0];
    return qr[1].signum() < 0 ? q.subtract(BigInteger.ONE) : q; // floor for negatives
  }

  /** round(num / den), ties away from zero, any signs (den != 0). */
  static BigInteger roundHalfAwayFromZero(BigInteger num, BigInteger den) {
    return new BigDecimal(num).divide(new BigDecimal(den), 0, RoundingMode.HALF_UP).toBigIntegerExact();
  }

  /** {@code v} clamped to the int range. */
  static int clampToInt(BigInteger v) {
    return v.compareTo(INT_MAX) > 0 ? Integer.MAX_VALUE : v.compareTo(INT_MIN) < 0 ? Integer.MIN_VALUE : v.intValueExact();
  }

  /** 2^n as a BigInteger. */
  static BigInteger pow2(int n) {
    return BigInteger.ONE.shiftLeft(n);
  }

  /** A random int of random magnitude (uniform bits shifted right by 0..31), so every scale occurs. */
  static int spread(SplittableRandom random) {
    return random.nextInt() >> random.nextInt(32);
  }
}
