package io.ganglion.firmware.runtime;

import io.ganglion.drivers.NanoClock;

/**
 * The loop's time source: a monotonic clock in nanoseconds that can also wait for a deadline.
 * {@link RealTimeClock} is wall time (sleep, then spin); {@link VirtualClock} is simulated time that
 * jumps to each deadline without sleeping, so the same {@link LoopScheduler} drives a board and a
 * deterministic simulation. Drivers and fakes receive the same object as their {@link NanoClock}.
 * Implementations allocate nothing.
 */
public interface LoopClock extends NanoClock {

  /** Returns once {@link #nanoTime()} has reached {@code deadlineNanos} (at once if it has). */
  void sleepUntil(long deadlineNanos);

  /** True when time is simulated (no sleeping; task compute takes no loop time). */
  boolean isVirtual();
}
