package io.ganglion.controllers.fixed;

/**
 * Phase arithmetic: an angle in an {@code int} where 2^32 is one turn, so integer overflow is the
 * modulo 2pi. Read unsigned it is in [0, 1) turn; read signed (as {@code a - b} of two phases is)
 * it is in [-1/2, 1/2) turn. Resolution 2^-32 turn (1.5e-9 rad). An oscillator advances with
 * {@code phase += increment}, which never saturates and never drifts: after n steps the phase is
 * exactly n * increment mod 2^32.
 *
 * <p>{@link #sin} and {@link #cos} return Q16.16 from a table of sin over one turn with {@value
 * #TABLE_SIZE} cells, linearly interpolated with all 20 low bits of the phase and rounded once.
 * Maximum absolute error against {@code Math.sin} over all phases: at most {@value
 * #SIN_MAX_ABS_ERROR}. Analytic bound: interpolation h^2/8 = (2pi/4096)^2/8 = 2.94e-7, plus the
 * table's rounding to Q2.30 (2^-31 = 4.7e-10), plus the final rounding to Q16.16 (half an ulp,
 * 2^-17 = 7.63e-6): 7.93e-6. Measured by {@code ./ganglion fixed-point errors --phase-stride 1}
 * over all 2^32 phases: 7.923513e-6 (see docs/fixed-point.md). A table of 1024
 * cells would give 1.24e-5 and 2048 cells 8.8e-6; 4096 cells (16 KB) bring the error to within 4%
 * of the half-ulp floor that any Q16.16 result has.
 *
 * <p>The table is built at class initialisation from {@code StrictMath.sin} (the fdlibm algorithm,
 * specified bit-for-bit, so the table is identical on every JVM), for the first quarter turn and
 * mirrored to the other three, so sin(0) = sin(1/2 turn) = 0 and sin(1/4 turn) = 1 exactly. The
 * lookup is integer arithmetic only: allocation-free and deterministic.
 */
public final class Phase {

  /** log2 of the number of table cells per turn. */
  public static final int TABLE_BITS = 12;
  /** Table cells per turn. */
  public static final int TABLE_SIZE = 1 << TABLE_BITS;
  /**
   * The bound on |sin(p) - Math.sin(2 pi p / 2^32)| and the same for cos, over all phases p
   * (analytic). Measured over all 2^32 phases: 7.923513e-6.
   */
  public static final double SIN_MAX_ABS_ERROR = 7.93e-6;

  /** A quarter turn (pi/2). */
  public static final int QUARTER_TURN = 1 << 30;
  /** Half a turn (pi); as a signed int it is {@link Integer#MIN_VALUE}. */
  public static final int HALF_TURN = 1 << 31;

  private static final int FRACTION_BITS = 32 - TABLE_BITS; // phase bits below the table index
  private static final int FRACTION_MASK = (1 << FRACTION_BITS) - 1;
  private static final int TABLE_VALUE_BITS = 30; // table entries are Q2.30
  /** Interpolated values carry 30 + 20 fraction bits; Q16.16 drops 34 of them. */
  private static final int DROP = TABLE_VALUE_BITS + FRACTION_BITS - Q16.FRACTION_BITS;

  private static final double TURN = 4294967296.0; // 2^32
  private static final double TWO_PI = 2 * Math.PI;

  /** sin(2 pi k / TABLE_SIZE) in Q2.30 for k in [0, TABLE_SIZE]; the last entry repeats the first. */
  private static final int[] SIN_Q30 = buildSinTable();

  private Phase() {}

  // ---- setup conversions (double) ----

  /**
   * The phase of {@code turns} (any real; only its fraction matters), rounded to the nearest
   * 2^-32 turn. Non-finite input maps to 0. For setup and SI-unit boundaries.
   */
  public static int fromTurns(double turns) {
    // exact for turns >= 0; for negatives it may round, by at most 2^-54 turn (far below the 2^-32
    // resolution); in [0, 1], 1 only by rounding of tiny negatives
    double fraction = turns - Math.floor(turns);
    // Math.round is exact floor(x + 1/2); NaN -> 0; 2^32 wraps to 0 in the int cast (the modulo).
    return (int) Math.round(fraction * TURN);
  }

  /** The phase of {@code angleRad} (any real), nearest 2^-32 turn. Non-finite input maps to 0. */
  public static int fromRadians(double angleRad) {
    return fromTurns(angleRad / TWO_PI);
  }

  /** The phase as turns in [0, 1). */
  public static double toTurns(int phase) {
    return Integer.toUnsignedLong(phase) / TURN;
  }

  /** The phase as turns in [-1/2, 1/2) (signed reading, e.g. of a phase difference). */
  public static double toSignedTurns(int phase) {
    return phase / TURN;
  }

  /** The phase as radians in [0, 2pi). */
  public static double toRadians(int phase) {
    return toTurns(phase) * TWO_PI;
  }

  /**
   * The per-step increment of an oscillator at {@code frequencyHz} sampled every {@code
   * dtSeconds}: frequencyHz * dtSeconds turns, nearest 2^-32 turn, modulo one turn (frequencies of
   * half the sampling rate and beyond alias, as sampling does). For setup.
   */
  public static int increment(double frequencyHz, double dtSeconds) {
    return fromTurns(frequencyHz * dtSeconds);
  }

  /**
   * The same increment in integers, for laws whose frequency changes at run time: {@code
   * frequencyHzQ16} (Q16.16 hertz, may be negative) times {@code dtNanos} (nanoseconds), exactly
   * rounded to the nearest 2^-32 turn, modulo one turn. Allocation-free, no floating point.
   */
  public static int incrementQ16(int frequencyHzQ16, int dtNanos) {
    // turns = f_raw/2^16 * dt/10^9; in 2^-32 turn units: f_raw * dt * 2^16 / 10^9
    //       = f_raw * dt * 2^7 / 5^9. Split p = f_raw * dt (|p| <= 2^62) as h * 5^9 + r, 0 <= r < 5^9:
    // units = h * 2^7 + r * 2^7 / 5^9, where only the second term needs rounding (never a tie: 5^9 is odd).
    long p = (long) frequencyHzQ16 * dtNanos;
    long h = Math.floorDiv(p, FIVE_POW_9);
    long r = Math.floorMod(p, FIVE_POW_9);
    long units = (h << 7) + ((r << 7) + FIVE_POW_9 / 2) / FIVE_POW_9;
    return (int) units; // the low 32 bits: modulo one turn
  }

  private static final long FIVE_POW_9 = 1_953_125L;

  // ---- table functions (integer only) ----

  /**
   * sin of {@code phase} in Q16.16 (in [-1, 1]). Error against {@code Math.sin} at most {@link
   * #SIN_MAX_ABS_ERROR} = 7.93e-6 over all 2^32 phases (table of 4096 cells, linear
   * interpolation, one rounding). Integer only, allocation-free.
   */
  public static int sin(int phase) {
    int i = phase >>> FRACTION_BITS;
    long t = phase & FRACTION_MASK;
    long y0 = SIN_Q30[i];
    long y1 = SIN_Q30[i + 1];
    // y = y0 + (y1 - y0) * t / 2^20, kept in Q50 (|y| <= 2^50), rounded once to Q16.16.
    long y = (y0 << FRACTION_BITS) + (y1 - y0) * t;
    return (int) ((y + (1L << (DROP - 1))) >> DROP);
  }

  /** cos of {@code phase} = sin(phase + 1/4 turn), Q16.16; same error bound as {@link #sin}. */
  public static int cos(int phase) {
    return sin(phase + QUARTER_TURN);
  }

  private static int[] buildSinTable() {
    int quarter = TABLE_SIZE / 4;
    int[] table = new int[TABLE_SIZE + 1];
    for (int k = 0; k <= quarter; k++) {
      // sin(pi/2 * k / quarter): StrictMath is bit-for-bit specified; Math.round is exact.
      int v = (int) Math.round(StrictMath.sin(Math.PI / 2 * k / quarter) * (1 << TABLE_VALUE_BITS));
      table[k] = v;
      table[2 * quarter - k] = v;
      table[2 * quarter + k] = -v;
      table[TABLE_SIZE - k] = -v;
    }
    table[0] = 0;
    table[2 * quarter] = 0;
    table[TABLE_SIZE] = 0;
    return table;
  }

  /** A copy of the Q2.30 table, for tests and tools. */
  static int[] sinTableQ30() {
    return SIN_Q30.clone();
  }
}
