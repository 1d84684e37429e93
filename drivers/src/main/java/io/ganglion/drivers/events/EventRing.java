package io.ganglion.drivers.events;

/**
 * A single-producer single-consumer ring of events (struct of arrays), used to hand events from a
 * network receive thread to the control loop. The producer claims slots one by one and publishes
 * them in batches; the consumer drains into an {@link EventBuffer}. Allocation-free, lock-free.
 *
 * <p>Stream starts: the producer marks where a new stream (a connection, a sender restart) begins
 * ({@link #markStreamStart}); a drain stops at such a mark, and the drain that starts there says so
 * ({@link #drainStartedStream}), so the consumer never gets two streams' events in one buffer. Up
 * to {@value #MARKS} marks may be pending; past that a mark is lost (counted): the two streams then
 * come as one.
 */
final class EventRing {

  private final int mask;
  private final int[] x;
  private final int[] y;
  private final long[] t;
  private final byte[] p;

  /** Stream-start marks that may wait between the two sides (a power of two). */
  static final int MARKS = 64;

  // producer-only state
  private long claimed;
  private long cachedConsumed;
  private long marksWritten;
  private long lostMarks;
  // shared: written by one side each; volatile gives release/acquire ordering of the slot data
  private volatile long published;
  private volatile long consumed;
  /** The sequence number of the first event of each marked stream, by mark number modulo MARKS. */
  private final long[] marks = new long[MARKS];
  private volatile long marksPublished;
  private volatile long marksConsumed;
  // consumer-only state
  private boolean drainStartedStream;

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

  /** Producer: the next event offered starts a new stream (visible to the consumer after {@link #publish}). */
  void markStreamStart() {
    long w = marksWritten;
    if (w > 0 && marks[(int) (w - 1) & (MARKS - 1)] == claimed) {
      return; // the previous stream had no event: one mark will do
    }
    if (w - marksConsumed >= MARKS) {
      lostMarks++;
      return;
    }
    marks[(int) w & (MARKS - 1)] = claimed;
    marksWritten = w + 1;
  }

  /** Producer: stream-start marks lost because {@link #MARKS} were pending. */
  long lostMarks() {
    return lostMarks;
  }

  /** Producer: makes the offered events and stream marks visible. */
  void publish() {
    marksPublished = marksWritten;
    published = claimed;
  }

  /**
   * Consumer: whether the next event to drain (offered or not yet) begins a marked stream after
   * events already drained, so those were the last of their stream: a later stream has begun.
   */
  boolean nextStartsStream() {
    long c = consumed;
    long mc = marksConsumed;
    return c > 0 && mc < marksPublished && marks[(int) mc & (MARKS - 1)] == c; // c = 0: no stream before it
  }

  /** Consumer: whether the events of the last {@link #drainTo} begin a marked stream. */
  boolean drainStartedStream() {
    return drainStartedStream;
  }

  /**
   * Consumer: appends as many published events as fit to {@code dest}, up to the next stream mark;
   * returns how many ({@link #drainStartedStream} tells whether they begin a marked stream).
   */
  int drainTo(EventBuffer dest) {
    drainStartedStream = false;
    if (dest.remaining() == 0) {
      return 0;
    }
    long c = consumed;
    long end = published;
    long mp = marksPublished; // read after 'published' (written before it): every mark up to 'end' is seen
    long mc = marksConsumed;
    boolean starts = false;
    if (mc < mp && marks[(int) mc & (MARKS - 1)] == c && end > c) {
      starts = true; // the mark is taken with its stream's first event, not before
      mc++;
    }
    if (mc < mp) {
      end = Math.min(end, marks[(int) mc & (MARKS - 1)]); // stop at the next stream
    }
    marksConsumed = mc;
    int n = (int) Math.min(end - c, dest.remaining());
    drainStartedStream = starts;
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
