package io.ganglion.firmware.tap;

import io.ganglion.firmware.failsafe.FailsafeEvent;

/**
 * A bounded single-producer single-consumer ring of {@link FailsafeEvent} copies: the loop thread
 * {@link #offer}s (copying into a preallocated slot, no allocation, never blocking), another thread
 * {@link #poll}s. When full, new events are dropped and counted.
 */
public final class EventRing {

  private final FailsafeEvent[] slots;
  private final int mask;
  private volatile long written;
  private volatile long read;
  private volatile long dropped;

  /** @param capacity a power of two >= 2 */
  public EventRing(int capacity) {
    if (capacity < 2 || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("ring capacity must be a power of two >= 2, got " + capacity);
    }
    slots = new FailsafeEvent[capacity];
    for (int i = 0; i < capacity; i++) {
      slots[i] = new FailsafeEvent();
    }
    mask = capacity - 1;
  }

  /** Producer: copies {@code e} in; returns false (and counts a drop) when the ring is full. */
  public boolean offer(FailsafeEvent e) {
    long w = written;
    if (w - read >= slots.length) {
      dropped++;
      return false;
    }
    slots[(int) (w & mask)].copyFrom(e);
    written = w + 1;
    return true;
  }

  /** Consumer: copies the oldest event into {@code dest}; returns false when empty. */
  public boolean poll(FailsafeEvent dest) {
    long r = read;
    if (r == written) {
      return false;
    }
    dest.copyFrom(slots[(int) (r & mask)]);
    read = r + 1;
    return true;
  }

  /** Events dropped because the ring was full. */
  public long dropped() {
    return dropped;
  }
}
