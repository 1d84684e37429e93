package io.ganglion.controllers.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.testkit.AllocationMeter;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * exp, sigmoid, tanh: the documented error bounds hold for every Q16.16 input. The non-saturating
 * range is swept exhaustively; in the saturating ranges the result is a constant, checked at the
 * boundary (where its error is largest, by monotonicity) and at random inputs.
 */
class FixedMathTest {

  private static final double HALF_ULP = 0x1p-17;

  /** Max |f(x) - reference(x)| over every raw x in [from, to). */
  private static double maxError(IntUnaryOperator f, DoubleUnaryOperator reference, int from, int to) {
    double max = 0;
    for (int x = from; x < to; x++) {
      max = Math.max(max, Math.abs(Q16.toDouble(f.applyAsInt(x)) - reference.applyAsDouble(Q16.toDouble(x))));
    }
    return max;
  }

  private static double sigmoidReference(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }

  private static void assertNonDecreasing(IntUnaryOperator f, int from, int to) {
    int previous = f.applyAsInt(from);
    for (int x = from + 1; x <= to; x++) {
      int y = f.applyAsInt(x);
      assertTrue(y >= previous, "not monotone at raw x = " + x);
      previous = y;
    }
  }

  @Test
  void expErrorIsAtMostHalfAnUlpOverItsWholeNonSaturatingRange() {
    double max = maxError(FixedMath::exp, Math::exp, FixedMath.EXP_ZERO_BELOW, FixedMath.EXP_SATURATION_INPUT);
    assertTrue(max <= FixedMath.EXP_MAX_ABS_ERROR, "exp max error " + max);
    assertTrue(max <= HALF_ULP, "exp is correctly rounded: max error " + max);
  }

  @Test
  void expRelativeErrorIsBelowTheHalfUlpOfOneForResultsAboveOne() {
    double max = 0;
    for (int x = 0; x < FixedMath.EXP_SATURATION_INPUT; x++) {
      double reference = Math.exp(Q16.toDouble(x));
      max = Math.max(max, Math.abs(Q16.toDouble(FixedMath.exp(x)) - reference) / reference);
    }
    assertTrue(max <= HALF_ULP, "exp relative error " + max);
  }

  @Test
  void expSaturatesToMaxAboveLn32768AndReturnsZeroBelowMinus12() {
    assertEquals(Q16.ONE, FixedMath.exp(0));
    assertEquals(Q16.fromDouble(Math.E), FixedMath.exp(Q16.ONE));
    assertTrue(FixedMath.exp(FixedMath.EXP_SATURATION_INPUT - 1) < Q16.MAX);
    assertEquals((int) Math.ceil(Math.log(32768) * 65536), FixedMath.EXP_SATURATION_INPUT);
    // the exact value at the boundary is already beyond MAX + half an ulp, so MAX there is saturation
    assertTrue(Math.exp(Q16.toDouble(FixedMath.EXP_SATURATION_INPUT)) * 65536 > Q16.MAX + 0.5);
    assertEquals(Q16.MAX, FixedMath.exp(FixedMath.EXP_SATURATION_INPUT));
    assertEquals(Q16.MAX, FixedMath.exp(Q16.MAX));
    // below -12 the result is 0; its error e^x is largest at the boundary, and within the bound
    assertEquals(0, FixedMath.exp(FixedMath.EXP_ZERO_BELOW - 1));
    assertEquals(0, FixedMath.exp(Q16.MIN));
    assertTrue(Math.exp(Q16.toDouble(FixedMath.EXP_ZERO_BELOW)) <= FixedMath.EXP_MAX_ABS_ERROR);
    SplittableRandom random = new SplittableRandom(41);
    for (int n = 0; n < 100_000; n++) {
      assertEquals(Q16.MAX, FixedMath.exp(random.nextInt(FixedMath.EXP_SATURATION_INPUT, Integer.MAX_VALUE)));
      assertEquals(0, FixedMath.exp(random.nextInt(Integer.MIN_VALUE, FixedMath.EXP_ZERO_BELOW)));
    }
  }

  @Test
  void expIsNonDecreasing() {
    assertNonDecreasing(FixedMath::exp, FixedMath.EXP_ZERO_BELOW - 10, FixedMath.EXP_SATURATION_INPUT + 10);
  }

  @Test
  void sigmoidStaysWithinItsBoundForEveryInput() {
    int limit = FixedMath.SIGMOID_SATURATION_INPUT;
    double max = maxError(FixedMath::sigmoid, FixedMathTest::sigmoidReference, -limit + 1, limit);
    assertTrue(max <= FixedMath.SIGMOID_MAX_ABS_ERROR, "sigmoid max error " + max);
    // the saturated ranges: constants whose error is largest at |x| = 14
    assertEquals(Q16.ONE, FixedMath.sigmoid(limit));
    assertEquals(0, FixedMath.sigmoid(-limit));
    assertTrue(1 - sigmoidReference(Q16.toDouble(limit)) <= FixedMath.SIGMOID_MAX_ABS_ERROR);
    SplittableRandom random = new SplittableRandom(42);
    for (int n = 0; n < 100_000; n++) {
      assertEquals(Q16.ONE, FixedMath.sigmoid(random.nextInt(limit, Integer.MAX_VALUE)));
      assertEquals(0, FixedMath.sigmoid(random.nextInt(Integer.MIN_VALUE, -limit + 1)));
    }
    assertEquals(Q16.ONE, FixedMath.sigmoid(Q16.MAX));
    assertEquals(0, FixedMath.sigmoid(Q16.MIN));
  }

  @Test
  void sigmoidIsSymmetricAboutOneHalfAndNonDecreasing() {
    assertEquals(Q16.HALF, FixedMath.sigmoid(0));
    for (int x = 0; x <= FixedMath.SIGMOID_SATURATION_INPUT + 10; x++) {
      assertEquals(Q16.ONE, FixedMath.sigmoid(x) + FixedMath.sigmoid(-x), "at raw x = " + x);
    }
    assertNonDecreasing(FixedMath::sigmoid, -FixedMath.SIGMOID_SATURATION_INPUT - 10, FixedMath.SIGMOID_SATURATION_INPUT + 10);
  }

  @Test
  void tanhStaysWithinItsBoundForEveryInput() {
    int limit = FixedMath.TANH_SATURATION_INPUT;
    double max = maxError(FixedMath::tanh, Math::tanh, -limit + 1, limit);
    assertTrue(max <= FixedMath.TANH_MAX_ABS_ERROR, "tanh max error " + max);
    assertEquals(Q16.ONE, FixedMath.tanh(limit));
    assertEquals(-Q16.ONE, FixedMath.tanh(-limit));
    assertTrue(1 - Math.tanh(Q16.toDouble(limit)) <= FixedMath.TANH_MAX_ABS_ERROR);
    SplittableRandom random = new SplittableRandom(43);
    for (int n = 0; n < 100_000; n++) {
      assertEquals(Q16.ONE, FixedMath.tanh(random.nextInt(limit, Integer.MAX_VALUE)));
      assertEquals(-Q16.ONE, FixedMath.tanh(random.nextInt(Integer.MIN_VALUE, -limit + 1)));
    }
    assertEquals(-Q16.ONE, FixedMath.tanh(Q16.MIN));
  }

  @Test
  void tanhIsOddAndNonDecreasing() {
    assertEquals(0, FixedMath.tanh(0));
    for (int x = 0; x <= FixedMath.TANH_SATURATION_INPUT + 10; x++) {
      assertEquals(-FixedMath.tanh(x), FixedMath.tanh(-x), "at raw x = " + x);
    }
    assertNonDecreasing(FixedMath::tanh, -FixedMath.TANH_SATURATION_INPUT - 10, FixedMath.TANH_SATURATION_INPUT + 10);
  }

  @Test
  void tanhTableEntriesAreCorrectlyRounded() {
    int[] table = FixedMathTables.tanhQ30();
    assertEquals(FixedMathTables.TANH_CELLS + 1, table.length);
    for (int k = 0; k < table.length; k++) {
      double exact = Math.tanh(k / 512.0) * 0x1p30;
      assertTrue(Math.abs(table[k] - exact) <= 0.5 + 1e-6, "entry " + k);
    }
  }

  @Test
  void functionsAllocateNothing() {
    int[] state = {-5 * Q16.ONE, 0};
    AllocationMeter.assertAllocationFree("FixedMath exp/sigmoid/tanh", () -> {
      int x = state[0] += 997;
      state[1] ^= FixedMath.exp(x) + FixedMath.sigmoid(x) + FixedMath.tanh(x);
    });
  }
}
