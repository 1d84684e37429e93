package io.ganglion.controllers.fixed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntUnaryOperator;

/**
 * Measures the maximum absolute error of each fixed-point function and operation against its
 * double (or exact integer) counterpart: the numbers behind the bounds in the Javadoc of {@link
 * Q16}, {@link Phase} and {@link FixedMath} and the table in docs/fixed-point.md. Pure
 * computation, for tests and the {@code ganglion fixed-point errors} command; it allocates and
 * uses {@code Math} freely (it is a tool, not a hot path).
 *
 * <ul>
 *   <li>exp, sigmoid, tanh: every Q16.16 input of the range where the result is not a saturated
 *       constant (exhaustive); the saturated ranges are constants whose error is bounded by
 *       monotonicity (see {@link FixedMath}).
 *   <li>sin, cos: every {@code phaseStride}-th phase from 0 (stride 1 is all 2^32), plus every
 *       table node and cell midpoint.
 *   <li>Q16 mul, div, mulAdd, fromDouble: seeded random inputs of spread magnitudes plus edge
 *       values, errors computed exactly in integers, over the inputs whose exact result is in range.
 * </ul>
 */
public final class FixedPointErrorSweep {

  /** One line of the error table; {@code atInput} says where the maximum was found. */
  public record Row(String function, String domain, long points, double maxAbsError, String atInput) {}

  /** Default stride of the phase sweep: 16.7 million phases per function, a few seconds. */
  public static final int DEFAULT_PHASE_STRIDE = 257;
  /** Default number of random inputs for each Q16 operation. */
  public static final int DEFAULT_RANDOM_SAMPLES = 2_000_000;
  /** Default seed of the random inputs. */
  public static final long DEFAULT_SEED = 0x6A6E6C696F6EL;

  private static final double Q32_UNIT = 0x1p-32;
  private static final int[] EDGES = {
    0, 1, -1, 2, -2, Q16.HALF, -Q16.HALF, Q16.HALF - 1, Q16.HALF + 1, Q16.ONE, -Q16.ONE,
    Q16.ONE - 1, Q16.ONE + 1, -Q16.ONE - 1, 3 * Q16.HALF, 255, 256, 1 << 20, -(1 << 20),
    0x7FFF_0000, 0x0000_FFFF, 1 << 24, Q16.MAX, Q16.MAX - 1, Q16.MIN, Q16.MIN + 1,
    Integer.MAX_VALUE / 3, Integer.MIN_VALUE / 3, 46341 << 8, -(46341 << 8), 181 << 16
  };

  private FixedPointErrorSweep() {}

  /** Every row of the table, in the order of docs/fixed-point.md. */
  public static List<Row> all(int phaseStride, int randomSamples, long seed) {
    List<Row> rows = new ArrayList<>();
    rows.add(q16FromDouble(randomSamples, seed));
    rows.add(q16Mul(randomSamples, seed));
    rows.add(q16Div(randomSamples, seed));
    rows.add(q16MulAdd(randomSamples, seed));
    rows.add(sin(phaseStride));
    rows.add(cos(phaseStride));
    rows.add(exp());
    rows.add(sigmoid());
    rows.add(tanh());
    return rows;
  }

  // ---- table functions ----

  /** exp over every input in [-12, ln 32768): the range whose result is neither 0 by rule nor MAX. */
  public static Row exp() {
    return unary("FixedMath.exp", "x in [-12, 10.39722) (every Q16.16 input)",
        FixedMath::exp, Math::exp, FixedMath.EXP_ZERO_BELOW, FixedMath.EXP_SATURATION_INPUT);
  }

  /**
   * The maximum relative error |exp(x) - e^x| / e^x over every input in [0, ln 32768), where
   * e^x &gt;= 1 (below 0 the absolute error, at most half an ulp, is the meaningful measure).
   */
  public static Row expRelative() {
    Max max = new Max();
    for (int x = 0; x < FixedMath.EXP_SATURATION_INPUT; x++) {
      double reference = Math.exp(Q16.toDouble(x));
      max.offer(Math.abs(Q16.toDouble(FixedMath.exp(x)) - reference) / reference, x, 0);
    }
    return new Row("FixedMath.exp (relative)", "x in [0, 10.39722) (every Q16.16 input)",
        max.points, max.value, describeQ16(max.a));
  }

  /** sigmoid over every input in (-14, 14), where it is not the constant 0 or 1. */
  public static Row sigmoid() {
    return unary("FixedMath.sigmoid", "x in (-14, 14) (every Q16.16 input)",
        FixedMath::sigmoid, x -> 1.0 / (1.0 + Math.exp(-x)),
        -FixedMath.SIGMOID_SATURATION_INPUT + 1, FixedMath.SIGMOID_SATURATION_INPUT);
  }

  /** tanh over every input in (-7, 7), where it is not the constant -1 or 1. */
  public static Row tanh() {
    return unary("FixedMath.tanh", "x in (-7, 7) (every Q16.16 input)",
        FixedMath::tanh, Math::tanh, -FixedMath.TANH_SATURATION_INPUT + 1, FixedMath.TANH_SATURATION_INPUT);
  }

  /** Phase.sin over every {@code stride}-th phase plus all table nodes and cell midpoints. */
  public static Row sin(int stride) {
    return phase("Phase.sin", stride, Phase::sin, Math::sin);
  }

  /** Phase.cos over every {@code stride}-th phase plus all table nodes and cell midpoints. */
  public static Row cos(int stride) {
    return phase("Phase.cos", stride, Phase::cos, Math::cos);
  }

  private static Row unary(String name, String domain, IntUnaryOperator f, DoubleUnaryOperator reference,
      int fromInclusive, int toExclusive) {
    Max max = new Max();
    for (int x = fromInclusive; x < toExclusive; x++) {
      double q = Q16.toDouble(x);
      max.offer(Math.abs(Q16.toDouble(f.applyAsInt(x)) - reference.applyAsDouble(q)), x, 0);
    }
    return new Row(name, domain, max.points, max.value, describeQ16(max.a));
  }

  private static Row phase(String name, int stride, IntUnaryOperator f, DoubleUnaryOperator reference) {
    if (stride < 1) {
      throw new IllegalArgumentException("phase stride must be >= 1, got " + stride);
    }
    Max max = new Max();
    for (long p = 0; p < (1L << 32); p += stride) {
      offerPhase(max, (int) p, f, reference);
    }
    int cell = 1 << (32 - Phase.TABLE_BITS);
    for (int k = 0; k < Phase.TABLE_SIZE; k++) {
      offerPhase(max, k * cell, f, reference);
      offerPhase(max, k * cell + cell / 2, f, reference);
    }
    String domain = (stride == 1 ? "every phase" : "every " + stride + "th phase")
        + " + " + Phase.TABLE_SIZE + " table nodes and midpoints";
    return new Row(name, domain, max.points, max.value, describePhase(max.a));
  }

  private static void offerPhase(Max max, int p, IntUnaryOperator f, DoubleUnaryOperator reference) {
    max.offer(Math.abs(Q16.toDouble(f.applyAsInt(p)) - reference.applyAsDouble(Phase.toRadians(p))), p, 0);
  }

  // ---- Q16 operations, exact errors in integers ----

  /** |toDouble(fromDouble(v)) - v| for random doubles in range: at most half an ulp. */
  public static Row q16FromDouble(int samples, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Max max = new Max();
    for (int n = 0; n < samples; n++) {
      // Spread magnitudes: a uniform mantissa times 2^e for e in [-20, 15).
      double v = (random.nextDouble() * 2 - 1) * Math.scalb(1.0, random.nextInt(-20, 15));
      double error = Math.abs(Q16.toDouble(Q16.fromDouble(v)) - v);
      max.offerDouble(error, v);
    }
    return new Row("Q16.fromDouble", "random doubles in (-16384, 16384)", max.points, max.value,
        String.format(Locale.ROOT, "v = %.17g", max.d));
  }

  /** Q16.mul: |mul(a, b) - a * b| over random pairs and edge pairs with a * b in range. */
  public static Row q16Mul(int samples, long seed) {
    Max max = new Max();
    pairs(samples, seed, (a, b) -> {
      long exact = (long) a * b; // Q32
      if (exact < ((long) Q16.MIN << 16) || exact > ((long) Q16.MAX << 16)) {
        return;
      }
      long diff = ((long) Q16.mul(a, b) << 16) - exact;
      max.offer(Math.abs(diff) * Q32_UNIT, a, b);
    });
    return new Row("Q16.mul", "random + edge pairs, exact product in range", max.points, max.value,
        describePair(max));
  }

  /** Q16.div: |div(a, b) - a / b| over random pairs and edge pairs with b != 0 and a / b in range. */
  public static Row q16Div(int samples, long seed) {
    Max max = new Max();
    pairs(samples, seed, (a, b) -> {
      if (b == 0) {
        return;
      }
      long numerator = (long) a << 16; // exact quotient = numerator / b in Q16 units
      long lo = (long) Q16.MIN * Math.abs((long) b);
      long hi = (long) Q16.MAX * Math.abs((long) b);
      long signed = b > 0 ? numerator : -numerator;
      if (signed < lo || signed > hi) {
        return;
      }
      // |q - n / b| = |q * b - n| / |b| in units of 2^-16
      long diff = (long) Q16.div(a, b) * b - numerator;
      max.offer(Math.abs(diff) / (double) Math.abs((long) b) * Q16.ULP, a, b);
    });
    return new Row("Q16.div", "random + edge pairs, b != 0, exact quotient in range", max.points,
        max.value, describePair(max));
  }

  /** Q16.mulAdd: |mulAdd(acc, a, b) - (acc + a * b)| with acc random, over pairs with the exact result in range. */
  public static Row q16MulAdd(int samples, long seed) {
    SplittableRandom accs = new SplittableRandom(seed ^ 0x5DEECE66DL);
    Max max = new Max();
    pairs(samples, seed, (a, b) -> {
      int acc = spread(accs);
      long exact = ((long) acc << 16) + (long) a * b; // Q32, |.| < 2^63
      if (exact < ((long) Q16.MIN << 16) || exact > ((long) Q16.MAX << 16)) {
        return;
      }
      long diff = ((long) Q16.mulAdd(acc, a, b) << 16) - exact;
      max.offer(Math.abs(diff) * Q32_UNIT, a, b);
    });
    return new Row("Q16.mulAdd", "random acc, random + edge pairs, exact result in range",
        max.points, max.value, describePair(max));
  }

  private interface PairConsumer {
    void accept(int a, int b);
  }

  private static void pairs(int samples, long seed, PairConsumer consumer) {
    for (int a : EDGES) {
      for (int b : EDGES) {
        consumer.accept(a, b);
      }
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < samples; n++) {
      consumer.accept(spread(random), spread(random));
    }
  }

  /** A random int with a random magnitude: uniform bits shifted right by 0..31 (so all scales occur). */
  static int spread(SplittableRandom random) {
    return random.nextInt() >> random.nextInt(32);
  }

  // ---- formatting ----

  private static String describeQ16(int x) {
    return String.format(Locale.ROOT, "x = %.6f (raw %d)", Q16.toDouble(x), x);
  }

  private static String describePhase(int p) {
    return String.format(Locale.ROOT, "phase = 0x%08x (%.9f turn)", p, Phase.toTurns(p));
  }

  private static String describePair(Max max) {
    return String.format(Locale.ROOT, "a = %.6f, b = %.6f (raw %d, %d)",
        Q16.toDouble(max.a), Q16.toDouble(max.b), max.a, max.b);
  }

  /** The running maximum and where it was found. */
  private static final class Max {
    double value = -1;
    long points;
    int a;
    int b;
    double d;

    void offer(double error, int a, int b) {
      points++;
      if (error > value) {
        value = error;
        this.a = a;
        this.b = b;
      }
    }

    void offerDouble(double error, double v) {
      points++;
      if (error > value) {
        value = error;
        d = v;
      }
    }
  }
}
