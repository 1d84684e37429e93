package io.ganglion.drivers.events;

/**
 * A preallocated chunk of events as a struct of arrays: event {@code i < count()} is
 * ({@code x[i]}, {@code y[i]}, {@code tUs[i]}, {@code polarity[i]}), with polarity 1 = ON,
 * 0 = OFF ({@link Polarity#ON_BIT}, {@link Polarity#OFF_BIT}). Image convention: origin top-left,
 * x right, y down.
 *
 * <p>This is the only form events take on the streaming path: readers and {@link EventSourceIO}
 * sources fill it chunk by chunk, consumers index the arrays directly. Nothing here allocates
 * except {@link #get(int)} (for tests and tools).
 */
public final class EventBuffer {

  /** Column, 0 = leftmost. */
  public final int[] x;
  /** Row, 0 = top. */
  public final int[] y;
  /** Time in microseconds. */
  public final long[] tUs;
  /** 1 = ON, 0 = OFF. */
  public final byte[] polarity;

  private int count;

  /** A buffer that holds up to {@code capacity} events. */
  public EventBuffer(int capacity) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("event buffer capacity must be > 0, got " + capacity);
    }
    x = new int[capacity];
    y = new int[capacity];
    tUs = new long[capacity];
    polarity = new byte[capacity];
  }

  /** The number of events it can hold. */
  public int capacity() {
    return x.length;
  }

  /** The number of valid events, at indices {@code 0 .. count() - 1}. */
  public int count() {
    return count;
  }

  /** Free slots. */
  public int remaining() {
    return x.length - count;
  }

  /** True when no more events fit. */
  public boolean isFull() {
    return count == x.length;
  }

  /** True when it holds no events. */
  public boolean isEmpty() {
    return count == 0;
  }

  /** Forgets all events (the arrays keep their contents). */
  public void clear() {
    count = 0;
  }

  /**
   * Declares that indices {@code 0 .. n - 1} are valid, after a producer wrote the arrays
   * directly.
   */
  public void setCount(int n) {
    if (n < 0 || n > x.length) {
      throw new IllegalArgumentException("event count " + n + " outside 0.." + x.length);
    }
    count = n;
  }

  /**
   * Appends one event; returns false (and stores nothing) when the buffer is full.
   *
   * @param on true for an ON event
   */
  public boolean add(int xPx, int yPx, long timeUs, boolean on) {
    int i = count;
    if (i == x.length) {
      return false;
    }
    x[i] = xPx;
    y[i] = yPx;
    tUs[i] = timeUs;
    polarity[i] = on ? Polarity.ON_BIT : Polarity.OFF_BIT;
    count = i + 1;
    return true;
  }

  /** True when event {@code i} is ON. */
  public boolean on(int i) {
    return polarity[i] != Polarity.OFF_BIT;
  }

  /** Time of the first event; the buffer must not be empty. */
  public long firstTUs() {
    return tUs[0];
  }

  /** Time of the last event; the buffer must not be empty. */
  public long lastTUs() {
    return tUs[count - 1];
  }

  /**
   * Copies events {@code from .. from + n - 1} of {@code src} to the end of this buffer.
   *
   * @throws IllegalArgumentException if they do not fit or the range is outside {@code src}
   */
  public void append(EventBuffer src, int from, int n) {
    if (n < 0 || from < 0 || from + n > src.count || n > remaining()) {
      throw new IllegalArgumentException("cannot append events " + from + ".." + (from + n) + " of "
          + src.count + " into " + remaining() + " free slots");
    }
    System.arraycopy(src.x, from, x, count, n);
    System.arraycopy(src.y, from, y, count, n);
    System.arraycopy(src.tUs, from, tUs, count, n);
    System.arraycopy(src.polarity, from, polarity, count, n);
    count += n;
  }

  /** Event {@code i} as a record; allocates, so not for the streaming path. */
  public Event get(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("event " + i + " of " + count);
    }
    return new Event(x[i], y[i], tUs[i], Polarity.ofBit(polarity[i]));
  }

  @Override
  public String toString() {
    return "EventBuffer[" + count + "/" + x.length + "]";
  }
}
