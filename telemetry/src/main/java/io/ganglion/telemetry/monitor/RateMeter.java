package io.ganglion.telemetry.monitor;

/**
 * Messages and samples per second over a sliding window of about 2 s, from arrivals counted into
 * 100 ms buckets (allocation-free, bounded memory). Rate = (sum of the last 20 buckets) / (time
 * from the start of the oldest of them to now, or since the first arrival when shorter, at least
 * one bucket). Not thread-safe: the owner locks.
 */
final class RateMeter {

  /** Bucket width: 100 ms. */
  static final long BUCKET_NANOS = 100_000_000L;
  /** Window: 20 buckets = 2 s. */
  static final int BUCKETS = 20;

  private final long[] bucketIndex = new long[BUCKETS];
  private final long[] messages = new long[BUCKETS];
  private final long[] samples = new long[BUCKETS];
  private long firstNanos;
  private boolean any;

  RateMeter() {
    java.util.Arrays.fill(bucketIndex, Long.MIN_VALUE);
  }

  /** Counts one message of {@code sampleCount} samples arriving at {@code nowNanos}. */
  void add(long nowNanos, int sampleCount) {
    if (!any) {
      any = true;
      firstNanos = nowNanos;
    }
    long index = Math.floorDiv(nowNanos, BUCKET_NANOS);
    int slot = (int) Math.floorMod(index, (long) BUCKETS);
    if (bucketIndex[slot] != index) {
      bucketIndex[slot] = index;
      messages[slot] = 0;
      samples[slot] = 0;
    }
    messages[slot]++;
    samples[slot] += sampleCount;
  }

  /** Messages per second at {@code nowNanos}. */
  double messagesPerSecond(long nowNanos) {
    return rate(nowNanos, messages);
  }

  /** Samples per second at {@code nowNanos}. */
  double samplesPerSecond(long nowNanos) {
    return rate(nowNanos, samples);
  }

  private double rate(long nowNanos, long[] counts) {
    if (!any) {
      return 0;
    }
    long current = Math.floorDiv(nowNanos, BUCKET_NANOS);
    long sum = 0;
    for (int i = 0; i < BUCKETS; i++) {
      // buckets (current - BUCKETS, current]: the window ends with the bucket in progress
      if (bucketIndex[i] > current - BUCKETS && bucketIndex[i] <= current) {
        sum += counts[i];
      }
    }
    // the window runs from the start of the oldest bucket counted to now
    long windowNanos = nowNanos - (current - BUCKETS + 1) * BUCKET_NANOS;
    long sinceFirst = Math.max(BUCKET_NANOS, nowNanos - firstNanos);
    return sum / (Math.min(windowNanos, sinceFirst) / 1e9);
  }
}
