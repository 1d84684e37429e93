package io.ganglion.sim.dvs;

import io.ganglion.drivers.events.EventBuffer;

/**
 * The events of one sampling interval (t0, t1]: collected in pixel order, then counting-sorted by
 * time offset (stable: equal times keep row-major pixel order), then handed out chunk by chunk.
 * The arrays grow (doubling) when an interval has more events than ever before; after that it
 * allocates nothing.
 */
final class EventStaging {

  private int[] rawPixel;
  private int[] rawOffsetUs;
  private byte[] rawPolarity;
  private int rawCount;

  private int[] pixel;
  private int[] offsetUs;
  private byte[] polarity;
  private int count;
  private int cursor;
  private long baseUs;

  private int[] buckets;

  EventStaging(int initialCapacity, int maxIntervalUs) {
    int c = Math.max(16, initialCapacity);
    rawPixel = new int[c];
    rawOffsetUs = new int[c];
    rawPolarity = new byte[c];
    pixel = new int[c];
    offsetUs = new int[c];
    polarity = new byte[c];
    buckets = new int[maxIntervalUs + 2];
  }

  /** Starts a new interval; the previous one must have been delivered. */
  void begin() {
    rawCount = 0;
    count = 0;
    cursor = 0;
  }

  /** Adds an event of pixel {@code p} at {@code offsetUs} in [0, dt] after the interval's start. */
  void add(int p, int offset, boolean on) {
    if (rawCount == rawPixel.length) {
      grow();
    }
    rawPixel[rawCount] = p;
    rawOffsetUs[rawCount] = offset;
    rawPolarity[rawCount] = on ? (byte) 1 : (byte) 0;
    rawCount++;
  }

  private void grow() {
    int c = rawPixel.length * 2;
    rawPixel = java.util.Arrays.copyOf(rawPixel, c);
    rawOffsetUs = java.util.Arrays.copyOf(rawOffsetUs, c);
    rawPolarity = java.util.Arrays.copyOf(rawPolarity, c);
    pixel = new int[c];
    offsetUs = new int[c];
    polarity = new byte[c];
  }

  /** Sorts the interval's events by time (counting sort over offsets 0..dtUs) and makes them deliverable. */
  void finish(long t0Us, int dtUs) {
    baseUs = t0Us;
    int[] b = buckets;
    java.util.Arrays.fill(b, 0, dtUs + 2, 0);
    for (int i = 0; i < rawCount; i++) {
      b[rawOffsetUs[i] + 1]++;
    }
    for (int k = 1; k <= dtUs + 1; k++) {
      b[k] += b[k - 1];
    }
    for (int i = 0; i < rawCount; i++) {
      int slot = b[rawOffsetUs[i]]++;
      pixel[slot] = rawPixel[i];
      offsetUs[slot] = rawOffsetUs[i];
      polarity[slot] = rawPolarity[i];
    }
    count = rawCount;
    cursor = 0;
  }

  boolean hasPending() {
    return cursor < count;
  }

  /** Time of the next undelivered event; {@link #hasPending()} must be true. */
  long peekTUs() {
    return baseUs + offsetUs[cursor];
  }

  /**
   * Appends pending events with t <= {@code untilUs} to {@code dest} while it has room; returns
   * the number appended.
   */
  int deliver(EventBuffer dest, int widthPx, long untilUs) {
    int start = dest.count();
    int room = dest.remaining();
    int n = 0;
    int[] dx = dest.x;
    int[] dy = dest.y;
    long[] dt = dest.tUs;
    byte[] dp = dest.polarity;
    while (n < room && cursor < count) {
      long t = baseUs + offsetUs[cursor];
      if (t > untilUs) {
        break;
      }
      int p = pixel[cursor];
      int y = p / widthPx;
      int i = start + n;
      dx[i] = p - y * widthPx;
      dy[i] = y;
      dt[i] = t;
      dp[i] = polarity[cursor];
      cursor++;
      n++;
    }
    dest.setCount(start + n);
    return n;
  }

  /** Current capacity (grows with the busiest interval). */
  int capacity() {
    return rawPixel.length;
  }
}
