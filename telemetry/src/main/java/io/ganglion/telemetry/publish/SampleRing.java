package io.ganglion.telemetry.publish;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A preallocated single-producer/single-consumer ring of samples: stream index, {@code t_us} and
 * up to {@code maxFields} raw values per slot. The producer (the control loop) never blocks and
 * never allocates: when the ring is full the sample is dropped and counted. The consumer (the
 * publisher thread) copies slots out in order.
 *
 * <p>Sequencing: {@code head} counts committed slots (written by the producer, published with a
 * release store), {@code tail} counts consumed slots (written by the consumer, release store).
 * Slot {@code s} lives at index {@code s & mask}; the ring is full when {@code head - tail ==
 * capacity}.
 */
final class SampleRing {

  private final int capacity;
  private final int mask;
  private final int stride;
  private final int[] streams;
  private final long[] times;
  private final long[] values;

  private final AtomicLong head = new AtomicLong();
  private final AtomicLong tail = new AtomicLong();
  private final AtomicLong overflow = new AtomicLong();
  private final AtomicLong offered = new AtomicLong();
  /** Producer-local copy of head (only the producer writes head). */
  private long producerHead;
  /** Producer's last seen tail, to avoid reading the shared tail on every offer. */
  private long cachedTail;

  /**
   * @param capacityPowerOfTwo slots (a power of two)
   * @param maxFields most fields of any stream
   */
  SampleRing(int capacityPowerOfTwo, int maxFields) {
    if (Integer.bitCount(capacityPowerOfTwo) != 1) {
      throw new IllegalArgumentException("ring capacity must be a power of two: " + capacityPowerOfTwo);
    }
    this.capacity = capacityPowerOfTwo;
    this.mask = capacityPowerOfTwo - 1;
    this.stride = maxFields;
    this.streams = new int[capacityPowerOfTwo];
    this.times = new long[capacityPowerOfTwo];
    this.values = new long[capacityPowerOfTwo * maxFields];
  }

  /** Slots. */
  int capacity() {
    return capacity;
  }

  /**
   * Producer: reserves the next slot for {@code stream} at {@code tUs}.
   *
   * @return the offset of the slot's first value in {@link #values()}, or -1 when full (counted)
   */
  int claim(int stream, long tUs) {
    offered.lazySet(offered.get() + 1);
    long h = producerHead;
    if (h - cachedTail >= capacity) {
      cachedTail = tail.get();
      if (h - cachedTail >= capacity) {
        overflow.lazySet(overflow.get() + 1);
        return -1;
      }
    }
    int index = (int) (h & mask);
    streams[index] = stream;
    times[index] = tUs;
    int offset = index * stride;
    java.util.Arrays.fill(values, offset, offset + stride, 0L);
    return offset;
  }

  /** Producer: makes the claimed slot visible to the consumer. */
  void commit() {
    producerHead++;
    head.lazySet(producerHead);
  }

  /** The value storage (producer writes into a claimed slot's range). */
  long[] values() {
    return values;
  }

  /** Consumer: committed slots not yet consumed. */
  long available(long consumed) {
    return head.get() - consumed;
  }

  /** Consumer: next slot to consume. */
  long tailSequence() {
    return tail.get();
  }

  /** Consumer: stream of slot sequence {@code s}. */
  int stream(long s) {
    return streams[(int) (s & mask)];
  }

  /** Consumer: {@code t_us} of slot sequence {@code s}. */
  long time(long s) {
    return times[(int) (s & mask)];
  }

  /** Consumer: offset of slot sequence {@code s}'s values. */
  int valueOffset(long s) {
    return (int) (s & mask) * stride;
  }

  /** Consumer: releases every slot before {@code s}. */
  void release(long s) {
    tail.lazySet(s);
  }

  /** Samples dropped because the ring was full. */
  long overflowCount() {
    return overflow.get();
  }

  /** Samples offered (accepted or dropped). */
  long offeredCount() {
    return offered.get();
  }
}
