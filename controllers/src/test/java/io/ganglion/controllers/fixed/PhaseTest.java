package io.ganglion.controllers.fixed;

import static io.ganglion.controllers.fixed.ExactReference.spread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.testkit.AllocationMeter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Phase: conversions, increments (overflow is the modulo) and the sin/cos table's error bound. */
class PhaseTest {

  private static final int CELL = 1 << (32 - Phase.TABLE_BITS);

  @Test
  void fromTurnsKeepsOnlyTheFractionAndRoundsToTheNearestStep() {
    assertEquals(0, Phase.fromTurns(0.0));
    assertEquals(Phase.QUARTER_TURN, Phase.fromTurns(0.25));
    assertEquals(Phase.HALF_TURN, Phase.fromTurns(0.5));
    assertEquals(Phase.HALF_TURN, Phase.fromTurns(-0.5));
    assertEquals(-Phase.QUARTER_TURN, Phase.fromTurns(-0.25));
    assertEquals(Phase.QUARTER_TURN, Phase.fromTurns(7.25));
    assertEquals(Phase.QUARTER_TURN, Phase.fromTurns(-2.75));
    assertEquals(0, Phase.fromTurns(1.0));
    assertEquals(0, Phase.fromTurns(-1e-300)); // rounds to a full turn, which is 0
    assertEquals(1, Phase.fromTurns(0x1p-33)); // a tie rounds up
    assertEquals(-1, Phase.fromTurns(-0x1p-32));
    assertEquals(0, Phase.fromTurns(Double.NaN));
    assertEquals(0, Phase.fromTurns(Double.POSITIVE_INFINITY));
    SplittableRandom random = new SplittableRandom(31);
    for (int n = 0; n < 100_000; n++) {
      double turns = random.nextDouble(-3, 3);
      int p = Phase.fromTurns(turns);
      double back = Phase.toTurns(p);
      double fraction = turns - Math.floor(turns);
      double error = Math.abs(back - fraction);
      assertTrue(Math.min(error, 1 - error) <= 0x1p-33 + 1e-15, turns + " -> " + p);
    }
  }

  @Test
  void radiansAndTurnsReadBackInTheirRanges() {
    assertEquals(Phase.QUARTER_TURN, Phase.fromRadians(Math.PI / 2));
    assertEquals(Phase.HALF_TURN, Phase.fromRadians(-Math.PI));
    assertEquals(Math.PI, Phase.toRadians(Phase.HALF_TURN));
    assertEquals(0.75, Phase.toTurns(-Phase.QUARTER_TURN));
    assertEquals(-0.25, Phase.toSignedTurns(-Phase.QUARTER_TURN));
    assertEquals(-0.5, Phase.toSignedTurns(Phase.HALF_TURN));
    assertTrue(Phase.toTurns(-1) < 1.0);
    assertTrue(Phase.toRadians(-1) < 2 * Math.PI);
  }

  @Test
  void accumulatingAnIncrementWrapsExactlyModuloOneTurn() {
    int increment = Phase.increment(3.7, 0.001);
    int phase = 0;
    for (int n = 1; n <= 1_000_000; n++) {
      phase += increment;
    }
    assertEquals((int) (1_000_000L * increment), phase);
    // 3.7 Hz for 1000 s is 3700 whole turns; the only error is the increment's rounding (<= 2^-33 turn per step)
    assertTrue(Math.abs(Phase.toSignedTurns(phase)) <= 1_000_000 * 0x1p-33, Phase.toSignedTurns(phase) + " turn");
    // the difference of two phases reads as a signed angle across the wrap
    assertEquals(0.1, Phase.toSignedTurns(Phase.fromTurns(0.05) - Phase.fromTurns(0.95)), 1e-9);
  }

  @Test
  void incrementIsFrequencyTimesStepInTurns() {
    assertEquals(Phase.fromTurns(0.001), Phase.increment(1.0, 0.001));
    assertEquals(Phase.QUARTER_TURN, Phase.increment(250.0, 0.001));
    assertEquals(-Phase.QUARTER_TURN, Phase.increment(-250.0, 0.001));
    // increments add like frequencies, up to the rounding of each (one step of 2^-32 turn)
    int sum = Phase.increment(1.0, 0.01) + Phase.increment(0.5, 0.01);
    assertTrue(Math.abs(Phase.increment(1.5, 0.01) - sum) <= 1);
  }

  @Test
  void incrementQ16IsExactlyRoundedModuloOneTurn() {
    BigDecimal perUnit = new BigDecimal(BigInteger.ONE.shiftLeft(16)).divide(new BigDecimal(1_000_000_000));
    SplittableRandom random = new SplittableRandom(32);
    for (int n = 0; n < 200_000; n++) {
      int frequencyHzQ16 = spread(random);
      int dtNanos = n % 2 == 0 ? random.nextInt(1, 100_000_000) : spread(random);
      // f/2^16 * dt/1e9 turns = f * dt * 2^16 / 1e9 units of 2^-32 turn, rounded half up, mod 2^32
      BigDecimal units = new BigDecimal((long) frequencyHzQ16 * dtNanos).multiply(perUnit);
      int expected = units.add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR).toBigIntegerExact().intValue();
      assertEquals(expected, Phase.incrementQ16(frequencyHzQ16, dtNanos), () -> frequencyHzQ16 + " Hz/2^16, " + dtNanos + " ns");
    }
    assertEquals(Phase.increment(1.0, 0.001), Phase.incrementQ16(Q16.ONE, 1_000_000));
    assertEquals(Phase.increment(50.0, 0.0001), Phase.incrementQ16(Q16.fromInt(50), 100_000));
    assertEquals(Phase.increment(-2.5, 0.02), Phase.incrementQ16(Q16.fromDouble(-2.5), 20_000_000));
  }

  @Test
  void sinAndCosAreExactAtTheQuarterTurns() {
    assertEquals(0, Phase.sin(0));
    assertEquals(Q16.ONE, Phase.sin(Phase.QUARTER_TURN));
    assertEquals(0, Phase.sin(Phase.HALF_TURN));
    assertEquals(-Q16.ONE, Phase.sin(-Phase.QUARTER_TURN));
    assertEquals(Q16.ONE, Phase.cos(0));
    assertEquals(0, Phase.cos(Phase.QUARTER_TURN));
    assertEquals(-Q16.ONE, Phase.cos(Phase.HALF_TURN));
    assertEquals(Q16.fromDouble(Math.sqrt(0.5)), Phase.sin(Phase.fromTurns(0.125)));
  }

  @Test
  void sinTableEntriesAreCorrectlyRoundedAndQuarterSymmetric() {
    int[] table = Phase.sinTableQ30();
    assertEquals(Phase.TABLE_SIZE + 1, table.length);
    for (int k = 0; k <= Phase.TABLE_SIZE; k++) {
      double exact = Math.sin(2 * Math.PI * k / Phase.TABLE_SIZE) * 0x1p30;
      assertTrue(Math.abs(table[k] - exact) <= 0.5 + 1e-6, "entry " + k + ": " + table[k] + " vs " + exact);
    }
    for (int k = 0; k <= Phase.TABLE_SIZE / 2; k++) {
      assertEquals(table[k], -table[Phase.TABLE_SIZE - k]);
      assertEquals(table[k], table[Phase.TABLE_SIZE / 2 - k]);
    }
  }

  /**
   * The documented bound, over every 257th phase plus every table node and cell midpoint (16.7
   * million phases per function). The exhaustive sweep of all 2^32 phases is {@code
   * PhaseExhaustiveSweepTest} (tag slow).
   */
  @Test
  void sinAndCosStayWithinTheDocumentedBoundOverADenseSweep() {
    double maxSin = 0;
    double maxCos = 0;
    for (long p = 0; p < (1L << 32); p += 257) {
      maxSin = Math.max(maxSin, sinError((int) p));
      maxCos = Math.max(maxCos, cosError((int) p));
    }
    for (int k = 0; k < Phase.TABLE_SIZE; k++) {
      for (int p : new int[] {k * CELL, k * CELL + CELL / 2, k * CELL + CELL / 2 + 1, k * CELL - 1}) {
        maxSin = Math.max(maxSin, sinError(p));
        maxCos = Math.max(maxCos, cosError(p));
      }
    }
    assertTrue(maxSin <= Phase.SIN_MAX_ABS_ERROR, "sin max error " + maxSin);
    assertTrue(maxCos <= Phase.SIN_MAX_ABS_ERROR, "cos max error " + maxCos);
    // the bound is tight: the error does reach above 99% of it (the half-ulp floor is 7.63e-6)
    assertTrue(maxSin > 0.99 * Phase.SIN_MAX_ABS_ERROR, "sin max error " + maxSin);
  }

  static double sinError(int p) {
    return Math.abs(Q16.toDouble(Phase.sin(p)) - Math.sin(Phase.toRadians(p)));
  }

  static double cosError(int p) {
    return Math.abs(Q16.toDouble(Phase.cos(p)) - Math.cos(Phase.toRadians(p)));
  }

  @Test
  void sinIsMonotoneOverTheRisingQuarters() {
    int previous = Phase.sin(-Phase.QUARTER_TURN);
    for (long p = -Phase.QUARTER_TURN; p <= Phase.QUARTER_TURN; p += 997) {
      int s = Phase.sin((int) p);
      assertTrue(s >= previous, "sin not monotone at phase " + p);
      previous = s;
    }
  }

  @Test
  void sinAndIncrementsAllocateNothing() {
    int[] state = new int[2];
    int increment = Phase.increment(1.3, 0.001);
    AllocationMeter.assertAllocationFree("Phase.sin/cos/incrementQ16", () -> {
      state[0] += increment + Phase.incrementQ16(Q16.ONE, 1_000_000);
      state[1] ^= Phase.sin(state[0]) + Phase.cos(state[0]);
    });
  }
}
