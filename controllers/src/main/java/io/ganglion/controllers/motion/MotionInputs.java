package io.ganglion.controllers.motion;

/**
 * The events a {@link MotionDetector} step reads, as a struct of arrays in time order: image
 * coordinates (origin top-left, x right, y down), time in microseconds, polarity 1 = ON, 0 = OFF.
 * AdvantageKit-style public fields. {@link #wrap} points the fields at an existing event buffer's
 * arrays (e.g. the drivers' {@code EventBuffer}) without copying or allocating.
 */
public final class MotionInputs {

  /** No time advance requested. */
  public static final long NO_ADVANCE = Long.MIN_VALUE;

  public int[] x;
  public int[] y;
  public long[] tUs;
  public byte[] polarity;
  /** Events valid at indices 0 .. count - 1. */
  public int count;
  /**
   * After the events, advance the clock to this time (us): every bin that ends at or before it is
   * read out, so spikes come out while no events arrive. {@link #NO_ADVANCE} for none.
   */
  public long advanceToUs = NO_ADVANCE;

  /** Inputs with their own arrays of {@code capacity} events, empty. */
  public MotionInputs(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
    }
    x = new int[capacity];
    y = new int[capacity];
    tUs = new long[capacity];
    polarity = new byte[capacity];
  }

  /** Points the inputs at these arrays, {@code count} events; no advance. Allocation-free. */
  public MotionInputs wrap(int[] xs, int[] ys, long[] ts, byte[] ps, int n) {
    this.x = xs;
    this.y = ys;
    this.tUs = ts;
    this.polarity = ps;
    this.count = n;
    this.advanceToUs = NO_ADVANCE;
    return this;
  }

  /** Sets event {@code i} (tests and tools). */
  public MotionInputs set(int i, int xPx, int yPx, long timeUs, boolean on) {
    x[i] = xPx;
    y[i] = yPx;
    tUs[i] = timeUs;
    polarity[i] = (byte) (on ? 1 : 0);
    return this;
  }
}
