package io.ganglion.controllers.fixed;

import static io.ganglion.controllers.fixed.ExactReference.EDGES;
import static io.ganglion.controllers.fixed.ExactReference.clampToInt;
import static io.ganglion.controllers.fixed.ExactReference.pow2;
import static io.ganglion.controllers.fixed.ExactReference.roundHalfAwayFromZero;
import static io.ganglion.controllers.fixed.ExactReference.roundHalfUp;
import static io.ganglion.controllers.fixed.ExactReference.spread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.testkit.AllocationMeter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Q16.16: every operation equals the exactly rounded, clamped result computed with BigInteger
 * (so its error is at most half an ulp when it does not saturate), and never wraps at the limits.
 */
class Q16Test {

  private static final int RANDOM_PAIRS = 300_000;
  private static final BigInteger Q = pow2(16);
  private static final double HALF_ULP = 0x1p-17;

  /** Runs {@code check} over all pairs of edge values and RANDOM_PAIRS seeded random pairs. */
  private static void forPairs(long seed, IntBinaryOperator check) {
    for (int a : EDGES) {
      for (int b : EDGES) {
        check.applyAsInt(a, b);
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < RANDOM_PAIRS; n++) {
      check.applyAsInt(spread(random), spread(random));
    }
  }

  @Test
  void addAndSubSaturateAtTheLimitsInsteadOfWrapping() {
    assertEquals(Q16.MAX, Q16.add(Q16.MAX, 1));
    assertEquals(Q16.MAX, Q16.add(Q16.MAX, Q16.MAX));
    assertEquals(Q16.MIN, Q16.add(Q16.MIN, -1));
    assertEquals(Q16.MIN, Q16.add(Q16.MIN, Q16.MIN));
    assertEquals(Q16.MIN, Q16.sub(Q16.MIN, 1));
    assertEquals(Q16.MAX, Q16.sub(Q16.MAX, -1));
    assertEquals(Q16.MAX, Q16.sub(0, Q16.MIN));
    assertEquals(-1, Q16.add(Q16.MAX, Q16.MIN));
    forPairs(11, (a, b) -> {
      assertEquals(clampToInt(BigInteger.valueOf(a).add(BigInteger.valueOf(b))), Q16.add(a, b), () -> a + " + " + b);
      assertEquals(clampToInt(BigInteger.valueOf(a).subtract(BigInteger.valueOf(b))), Q16.sub(a, b), () -> a + " - " + b);
      return 0;
    });
  }

  @Test
  void negAndAbsOfMinSaturateToMax() {
    assertEquals(Q16.MAX, Q16.neg(Q16.MIN));
    assertEquals(Q16.MAX, Q16.abs(Q16.MIN));
    assertEquals(Q16.MIN + 1, Q16.neg(Q16.MAX));
    assertEquals(Q16.ONE, Q16.abs(-Q16.ONE));
  }

  @Test
  void mulIsTheExactProductRoundedHalfUpAndClamped() {
    forPairs(12, (a, b) -> {
      BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)); // Q32
      assertEquals(clampToInt(roundHalfUp(exact, Q)), Q16.mul(a, b), () -> "mul(" + a + ", " + b + ")");
      return 0;
    });
  }

  @Test
  void mulAtTheLimitsSaturatesWithTheSignOfTheProduct() {
    assertEquals(Q16.MAX, Q16.mul(Q16.MIN, Q16.MIN));
    assertEquals(Q16.MAX, Q16.mul(Q16.MAX, Q16.MAX));
    assertEquals(Q16.MIN, Q16.mul(Q16.MIN, Q16.MAX));
    assertEquals(Q16.MIN, Q16.mul(Q16.MIN, Q16.ONE + 1));
    assertEquals(Q16.MIN, Q16.mul(Q16.MIN, Q16.ONE)); // -32768 * 1 is exactly representable
    assertEquals(Q16.MAX, Q16.mul(Q16.MIN, -Q16.ONE)); // +32768 is not
    assertEquals(Q16.MAX, Q16.mul(Q16.fromInt(200), Q16.fromInt(200)));
    // ties go toward +infinity: 2^-16 * 0.5 = 2^-17 -> 2^-16, -2^-17 -> 0
    assertEquals(1, Q16.mul(1, Q16.HALF));
    assertEquals(0, Q16.mul(-1, Q16.HALF));
  }

  @Test
  void mulAddRoundsOnceAndEqualsTheExactClampedResult() {
    SplittableRandom accs = new SplittableRandom(99);
    forPairs(13, (a, b) -> {
      int acc = spread(accs);
      BigInteger exact = BigInteger.valueOf(acc).shiftLeft(16).add(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)));
      assertEquals(clampToInt(roundHalfUp(exact, Q)), Q16.mulAdd(acc, a, b), () -> "mulAdd(" + acc + ", " + a + ", " + b + ")");
      return 0;
    });
    // one rounding, not two: 2^-17 + 2^-17 is exactly one ulp
    assertEquals(Q16.ONE + 1, Q16.mulAdd(Q16.mulAdd(Q16.ONE, 1, Q16.HALF), 0, 0));
    assertEquals(Q16.MAX, Q16.mulAdd(Q16.MAX, Q16.ONE, 1));
    assertEquals(Q16.MIN, Q16.mulAdd(Q16.MIN, Q16.MIN, Q16.ONE));
    assertEquals(Q16.MAX - 1, Q16.mulAdd(Q16.MAX, -1, Q16.ONE));
  }

  @Test
  void divIsTheExactQuotientRoundedHalfAwayFromZeroAndClamped() {
    forPairs(14, (a, b) -> {
      if (b == 0) {
        return 0;
      }
      BigInteger numerator = BigInteger.valueOf(a).shiftLeft(16);
      assertEquals(clampToInt(roundHalfAwayFromZero(numerator, BigInteger.valueOf(b))), Q16.div(a, b),
          () -> "div(" + a + ", " + b + ")");
      return 0;
    });
    // ties away from zero: 1 / 2 ulp = half an ulp
    assertEquals(1, Q16.div(1, 2 * Q16.ONE));
    assertEquals(-1, Q16.div(-1, 2 * Q16.ONE));
    assertEquals(-1, Q16.div(1, -2 * Q16.ONE));
  }

  @Test
  void divByZeroSaturatesToTheSignOfTheDividendAndZeroOverZeroIsZero() {
    assertEquals(Q16.MAX, Q16.div(1, 0));
    assertEquals(Q16.MAX, Q16.div(Q16.MAX, 0));
    assertEquals(Q16.MIN, Q16.div(-1, 0));
    assertEquals(Q16.MIN, Q16.div(Q16.MIN, 0));
    assertEquals(0, Q16.div(0, 0));
  }

  @Test
  void divOverflowSaturatesInsteadOfWrapping() {
    assertEquals(Q16.MAX, Q16.div(Q16.MIN, -Q16.ONE)); // +32768
    assertEquals(Q16.MIN, Q16.div(Q16.MIN, Q16.ONE));
    assertEquals(Q16.MAX, Q16.div(Q16.MAX, 1)); // 32768 / 2^-16
    assertEquals(Q16.MIN, Q16.div(Q16.MAX, -1));
    assertEquals(Q16.ONE, Q16.div(Q16.MIN, Q16.MIN + 1)); // 1.0000000005 rounds to 1
    assertEquals(Q16.ONE, Q16.div(Q16.MIN, Q16.MIN));
  }

  @Test
  void fromDoubleRoundsToNearestWithTiesUpAndSaturates() {
    SplittableRandom random = new SplittableRandom(15);
    for (int n = 0; n < 200_000; n++) {
      double v = (random.nextDouble() * 2 - 1) * Math.scalb(1.0, random.nextInt(-24, 17));
      BigDecimal scaled = new BigDecimal(v).multiply(new BigDecimal(Q));
      // floor(v * 2^16 + 1/2), exactly
      BigInteger expected = scaled.add(new BigDecimal("0.5")).setScale(0, java.math.RoundingMode.FLOOR).toBigIntegerExact();
      assertEquals(clampToInt(expected), Q16.fromDouble(v), () -> "fromDouble(" + v + ")");
    }
    assertEquals(1, Q16.fromDouble(0x1p-17)); // a tie goes up
    assertEquals(0, Q16.fromDouble(-0x1p-17));
    assertEquals(0, Q16.fromDouble(Math.nextDown(0.5) * Q16.ULP)); // floor(x + 0.5) in double would say 1
    assertEquals(-1, Q16.fromDouble(Math.nextDown(-0.5) * Q16.ULP));
    assertEquals(Q16.MAX, Q16.fromDouble(32768.0));
    assertEquals(Q16.MAX, Q16.fromDouble(32767.99999));
    assertEquals(Q16.MAX, Q16.fromDouble(1e300));
    assertEquals(Q16.MAX, Q16.fromDouble(Double.POSITIVE_INFINITY));
    assertEquals(Q16.MIN, Q16.fromDouble(-32768.0));
    assertEquals(Q16.MIN, Q16.fromDouble(-32768.4 * 1.0));
    assertEquals(Q16.MIN, Q16.fromDouble(Double.NEGATIVE_INFINITY));
    assertEquals(0, Q16.fromDouble(Double.NaN));
    assertEquals(0, Q16.fromDouble(Double.MIN_VALUE));
  }

  @Test
  void toDoubleIsExactAndFromDoubleInvertsIt() {
    for (int q : EDGES) {
      assertEquals(new BigDecimal(q).divide(new BigDecimal(Q)).doubleValue(), Q16.toDouble(q));
      assertEquals(q, Q16.fromDouble(Q16.toDouble(q)));
    }
    // every 251st raw value: round trip is the identity, and the double is exact (scaling back gives the int)
    for (long raw = Integer.MIN_VALUE; raw <= Integer.MAX_VALUE; raw += 251) {
      int q = (int) raw;
      double d = Q16.toDouble(q);
      assertEquals(q, Q16.fromDouble(d));
      assertEquals((double) q, d * 65536.0);
    }
    assertEquals(-32768.0, Q16.toDouble(Q16.MIN));
    assertEquals(32768.0 - 0x1p-16, Q16.toDouble(Q16.MAX));
  }

  @Test
  void conversionErrorOfARandomDoubleIsAtMostHalfAnUlp() {
    SplittableRandom random = new SplittableRandom(16);
    double max = 0;
    for (int n = 0; n < 200_000; n++) {
      double v = (random.nextDouble() * 2 - 1) * 32767;
      max = Math.max(max, Math.abs(Q16.toDouble(Q16.fromDouble(v)) - v));
    }
    assertTrue(max <= HALF_ULP, "max error " + max);
  }

  @Test
  void fromIntRoundToIntAndClampBehaveAtTheLimits() {
    assertEquals(Q16.ONE * 5, Q16.fromInt(5));
    assertEquals(Q16.MIN, Q16.fromInt(-32768));
    assertEquals(Q16.MAX, Q16.fromInt(32768));
    assertEquals(Q16.MIN, Q16.fromInt(Integer.MIN_VALUE));
    assertEquals(2, Q16.roundToInt(Q16.fromDouble(1.5)));
    assertEquals(-1, Q16.roundToInt(Q16.fromDouble(-1.5)));
    assertEquals(32768, Q16.roundToInt(Q16.MAX));
    assertEquals(-32768, Q16.roundToInt(Q16.MIN));
    assertEquals(Q16.ONE, Q16.clamp01(Q16.fromInt(3)));
    assertEquals(0, Q16.clamp01(-5));
    assertEquals(7, Q16.clamp(7, -10, 10));
  }

  @Test
  void arithmeticAllocatesNothing() {
    int[] values = {Q16.ONE, -3 * Q16.HALF, 12345, Q16.MAX, Q16.MIN, 0};
    int[] sink = new int[1];
    AllocationMeter.assertAllocationFree("Q16 mul/div/mulAdd/add", () -> {
      int acc = sink[0];
      for (int a : values) {
        for (int b : values) {
          acc = Q16.mulAdd(acc, a, b) ^ Q16.mul(a, b) ^ Q16.div(a, b) ^ Q16.add(a, b) ^ Q16.sub(a, b);
        }
      }
      sink[0] = acc;
    });
  }
}
