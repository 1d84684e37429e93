package io.ganglion.telemetry.publish;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A bounded multi-producer/single-consumer queue of events (D. Vyukov's bounded queue): the loop
 * thread and MQTT callback threads offer without locks or allocation; the publisher thread peeks
 * and consumes in order. Each slot holds time, kind, detail, value and the event's sequence number
 * (assigned at offer, so dropped events leave a visible gap).
 */
final class EventQueue {

  private final int mask;
  private final AtomicLongArray sequences;
  private final long[] times;
  private final long[] numbers;
  private final String[] kinds;
  private final String[] details;
  private final double[] values;
  private final AtomicLong enqueue = new AtomicLong();
  private final AtomicLong nextNumber = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private long dequeue;

  EventQueue(int capacityPowerOfTwo) {
    if (Integer.bitCount(capacityPowerOfTwo) != 1) {
      throw new IllegalArgumentException("event capacity must be a power of two: " + capacityPowerOfTwo);
    }
    mask = capacityPowerOfTwo - 1;
    sequences = new AtomicLongArray(capacityPowerOfTwo);
    for (int i = 0; i < capacityPowerOfTwo; i++) {
      sequences.set(i, i);
    }
    times = new long[capacityPowerOfTwo];
    numbers = new long[capacityPowerOfTwo];
    kinds = new String[capacityPowerOfTwo];
    details = new String[capacityPowerOfTwo];
    values = new double[capacityPowerOfTwo];
  }

  /** Any thread: queues an event; false (and counted) when full. */
  boolean offer(long tUs, String kind, String detail, double value) {
    long number = nextNumber.getAndIncrement();
    long pos = enqueue.get();
    while (true) {
      int index = (int) (pos & mask);
      long seq = sequences.get(index);
      long diff = seq - pos;
      if (diff == 0) {
        if (enqueue.compareAndSet(pos, pos + 1)) {
          times[index] = tUs;
          numbers[index] = number;
          kinds[index] = kind;
          details[index] = detail;
          values[index] = value;
          sequences.set(index, pos + 1);
          return true;
        }
        pos = enqueue.get();
      } else if (diff < 0) {
        dropped.incrementAndGet();
        return false;
      } else {
        pos = enqueue.get();
      }
    }
  }

  /** Consumer: true when an event is ready at the head. */
  boolean hasNext() {
    int index = (int) (dequeue & mask);
    return sequences.get(index) == dequeue + 1;
  }

  long headTime() {
    return times[(int) (dequeue & mask)];
  }

  long headNumber() {
    return numbers[(int) (dequeue & mask)];
  }

  String headKind() {
    return kinds[(int) (dequeue & mask)];
  }

  String headDetail() {
    return details[(int) (dequeue & mask)];
  }

  double headValue() {
    return values[(int) (dequeue & mask)];
  }

  /** Consumer: removes the head event. */
  void consume() {
    int index = (int) (dequeue & mask);
    kinds[index] = null;
    details[index] = null;
    sequences.set(index, dequeue + mask + 1);
    dequeue++;
  }

  /** Events dropped because the queue was full. */
  long droppedCount() {
    return dropped.get();
  }

  /** Events offered (queued or dropped). */
  long offeredCount() {
    return nextNumber.get();
  }
}
