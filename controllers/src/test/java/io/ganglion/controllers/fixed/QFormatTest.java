package io.ganglion.controllers.fixed;

import static io.ganglion.controllers.fixed.ExactReference.EDGES;
import static io.ganglion.controllers.fixed.ExactReference.clampToInt;
import static io.ganglion.controllers.fixed.ExactReference.pow2;
import static io.ganglion.controllers.fixed.ExactReference.roundHalfAwayFromZero;
import static io.ganglion.controllers.fixed.ExactReference.roundHalfUp;
import static io.ganglion.controllers.fixed.ExactReference.spread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.testkit.AllocationMeter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** QFormat: conversions and products between Q formats equal the exactly rounded, clamped results. */
class QFormatTest {

  private static final int RANDOM = 40_000;

  @Test
  void convertRoundsToNearestWhenDroppingBitsAndSaturatesWhenAddingThem() {
    SplittableRandom random = new SplittableRandom(21);
    for (int from = 0; from <= 31; from++) {
      for (int to = 0; to <= 31; to++) {
        for (int n = 0; n < 400 + EDGES.length; n++) {
          int v = n < EDGES.length ? EDGES[n] : spread(random);
          BigInteger expected = to >= from
              ? BigInteger.valueOf(v).shiftLeft(to - from)
              : roundHalfUp(BigInteger.valueOf(v), pow2(from - to));
          int f = from;
          int t = to;
          assertEquals(clampToInt(expected), QFormat.convert(v, from, to), () -> "convert(" + v + ", " + f + ", " + t + ")");
        }
      }
    }
  }

  @Test
  void convertBetweenQ16AndQ8_24AndQ1_30() {
    int oneQ16 = Q16.ONE;
    assertEquals(1 << 24, QFormat.convert(oneQ16, 16, 24));
    assertEquals(1 << 30, QFormat.convert(oneQ16, 16, 30));
    assertEquals(Integer.MAX_VALUE, QFormat.convert(Q16.fromInt(2), 16, 30)); // 2.0 is beyond Q1.30's [-2, 2)
    assertEquals(Integer.MIN_VALUE, QFormat.convert(Q16.fromInt(-2), 16, 30)); // -2.0 is exactly its MIN
    assertEquals(Integer.MAX_VALUE, QFormat.convert(Q16.fromInt(200), 16, 24)); // beyond Q8.24's +-128
    assertEquals(Q16.ONE, QFormat.convert((1 << 30) - 1, 30, 16)); // 1 - 2^-30 rounds to 1
    assertEquals(1, QFormat.convert(1 << 13, 30, 16)); // exactly half a Q16 ulp: tie up
    assertEquals(0, QFormat.convert(-(1 << 13), 30, 16));
    assertEquals(Integer.MAX_VALUE, QFormat.one(31));
    assertEquals(1 << 24, QFormat.one(24));
  }

  @Test
  void fromDoubleAndToDoubleRoundTripInEveryFormat() {
    SplittableRandom random = new SplittableRandom(22);
    for (int f = 0; f <= 31; f++) {
      BigDecimal scale = new BigDecimal(pow2(f));
      for (int n = 0; n < 2000; n++) {
        int raw = spread(random);
        assertEquals(raw, QFormat.fromDouble(QFormat.toDouble(raw, f), f));
        assertEquals(new BigDecimal(raw).divide(scale).doubleValue(), QFormat.toDouble(raw, f));
        double v = (random.nextDouble() * 2 - 1) * Math.scalb(1.0, random.nextInt(-34, 32 - f));
        BigInteger expected = new BigDecimal(v).multiply(scale).add(new BigDecimal("0.5"))
            .setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        assertEquals(clampToInt(expected), QFormat.fromDouble(v, f), "fromDouble(" + v + ", " + f + ")");
      }
    }
    assertEquals(Q16.fromDouble(Math.PI), QFormat.fromDouble(Math.PI, 16));
    assertEquals(Integer.MAX_VALUE, QFormat.fromDouble(1.0, 31));
    assertEquals(Integer.MIN_VALUE, QFormat.fromDouble(-1.0, 31));
    assertEquals(0, QFormat.fromDouble(Double.NaN, 24));
    assertEquals(Integer.MIN_VALUE, QFormat.fromDouble(Double.NEGATIVE_INFINITY, 24));
  }

  @Test
  void mulWithAnyShiftIsTheExactProductRoundedHalfUpAndClamped() {
    SplittableRandom random = new SplittableRandom(23);
    for (int shift = 0; shift <= 62; shift++) {
      for (int n = 0; n < RANDOM / 40 + EDGES.length * EDGES.length; n++) {
        int a = n < EDGES.length * EDGES.length ? EDGES[n / EDGES.length] : spread(random);
        int b = n < EDGES.length * EDGES.length ? EDGES[n % EDGES.length] : spread(random);
        BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
        int s = shift;
        assertEquals(clampToInt(roundHalfUp(product, pow2(shift))), QFormat.mul(a, b, shift),
            () -> "mul(" + a + ", " + b + ", " + s + ")");
        int acc = spread(random);
        BigInteger withAcc = BigInteger.valueOf(acc).shiftLeft(shift).add(product);
        assertEquals(clampToInt(roundHalfUp(withAcc, pow2(shift))), QFormat.mulAdd(acc, a, b, shift),
            () -> "mulAdd(" + acc + ", " + a + ", " + b + ", " + s + ")");
      }
    }
  }

  @Test
  void mulOfQ16ByAQ8_24GainGivesQ16() {
    int signal = Q16.fromDouble(-3.25);
    int gain = QFormat.fromDouble(0.1, 24);
    int out = QFormat.mul(signal, gain, 24);
    assertTrue(Math.abs(Q16.toDouble(out) - (-0.325)) <= 0x1p-17 + 3.25 * 0x1p-25, Q16.toString(out));
    assertEquals(Q16.mul(signal, Q16.fromDouble(1.5)), QFormat.mul(signal, Q16.fromDouble(1.5), 16));
    assertEquals(Q16.mulAdd(7, signal, 3), QFormat.mulAdd(7, signal, 3, 16));
  }

  @Test
  void divWithAnyShiftIsTheExactQuotientRoundedHalfAwayFromZero() {
    SplittableRandom random = new SplittableRandom(24);
    for (int shift = 0; shift <= 31; shift++) {
      for (int n = 0; n < RANDOM / 20; n++) {
        int a = spread(random);
        int b = spread(random);
        int s = shift;
        int expected = b == 0
            ? (a > 0 ? Integer.MAX_VALUE : a < 0 ? Integer.MIN_VALUE : 0)
            : clampToInt(roundHalfAwayFromZero(BigInteger.valueOf(a).shiftLeft(shift), BigInteger.valueOf(b)));
        assertEquals(expected, QFormat.div(a, b, shift), () -> "div(" + a + ", " + b + ", " + s + ")");
      }
    }
    assertEquals(Q16.div(Q16.ONE, 3 * Q16.ONE), QFormat.div(Q16.ONE, 3 * Q16.ONE, 16));
    assertEquals(Integer.MAX_VALUE, QFormat.div(Integer.MIN_VALUE, -1, 0));
    assertEquals(0, QFormat.div(0, 0, 30));
    assertEquals(Integer.MIN_VALUE, QFormat.div(-5, 0, 30));
  }

  @Test
  void fractionBitsOutsideZeroToThirtyOneAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QFormat.requireFractionBits(32));
    assertTrue(e.getMessage().contains("[0, 31]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> QFormat.convert(1, -1, 16));
    assertThrows(IllegalArgumentException.class, () -> QFormat.mul(1, 1, 63));
    assertThrows(IllegalArgumentException.class, () -> QFormat.div(1, 1, 32));
    assertEquals(31, QFormat.requireFractionBits(31));
  }

  @Test
  void operationsAllocateNothing() {
    int[] sink = new int[1];
    AllocationMeter.assertAllocationFree("QFormat convert/mul/mulAdd/div", () -> {
      int x = sink[0] + 12345;
      sink[0] = QFormat.convert(x, 16, 30) ^ QFormat.mul(x, 1 << 24, 24) ^ QFormat.mulAdd(x, x, x, 30)
          ^ QFormat.div(x, 3 << 24, 24);
    });
  }
}
