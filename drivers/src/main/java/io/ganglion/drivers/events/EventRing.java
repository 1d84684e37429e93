package io.ganglion.drivers.events;

/**
 * A single-producer single-consumer ring of events (struct of arrays), used to hand events from a
 * network receive thread to the control loop. The producer claims slots one by one and publishes
 * them in batches; the consumer drains into an {@link EventBuffer}. Allocation-free, lock-free.
 */
final class EventRing {

  private final int mask;
  private final int[] x;
  private final int[] y;
  private final long[] t;
  private final byte[] p;

  // producer-only state
  private long claimed;
  private long cachedConsumed;
  // shared: written by one side each; volatile gives release/acquire ordering of the slot data
  private volatile long published;
  private volatile long consumed;

  /** A ring of at least {@code minCapacity} events (rounded up to a power of two). */
  EventRing(int minCapacity) {
    int cap = Integer.highestOneBit(Math.max(2, minCapacity - 1)) << 1;
    mask = cap - 1;
    x = new int[cap];
    y = new int[cap];
    t = new long[cap];
    p = new byte[cap];
  }

  int capacity() {
    return mask + 1;
  }

  /** Producer: stores one event if there is room (visible to the consumer after {@link #publish}). */
  boolean offer(int xPx, int yPx, long tUs, byte polarity) {
    long i = claimed;
    if (i - cachedConsumed > mask) {
      cachedConsumed = consumed;
      if (i - cachedConsumed > mask) {
        return false;
      }
    }
    int slot = (int) i & mask;
    x[slot] = xPx;
    y[slot] = yPx;
    t[slot] = tUs;
    p[slot] = polarity;
    claimed = i + 1;
    return true;
  }

  /** Producer: makes the offered events visible. */
  void publish() {
    published = claimed;
  }

  /** Consumer: appends as many published events as fit to {@code dest}; returns how many. */
  int drainTo(EventBuffer dest) {
    long c = consumed;
    int n = (int) Math.min(published - c, dest.remaining());
    if (n <= 0) {
      return 0;
    }
    int start = dest.count();
    int slot = (int) c & mask;
    int first = Math.min(n, mask + 1 - slot);
    copy(slot, dest, start, first);
    if (first < n) {
      copy(0, dest, start + first, n - first);
    }
    dest.setCount(start + n);
    consumed = c + n;
    return n;
  }

  private void copy(int from, EventBuffer dest, int to, int n) {
    System.arraycopy(x, from, dest.x, to, n);
    System.arraycopy(y, from, dest.y, to, n);
    System.arraycopy(t, from, dest.tUs, to, n);
    System.arraycopy(p, from, dest.polarity, to, n);
  }
}
