package io.ganglion.firmware.config;

import io.ganglion.firmware.runtime.OverrunPolicy;

/**
 * How the loop thread runs.
 *
 * @param overrun what happens to releases a task is too late for
 * @param spinNanos busy-wait window before each deadline (0: sleep only)
 * @param pinCpu CPU to pin the loop thread to with {@code taskset}, or -1
 * @param rtPriority SCHED_FIFO priority for the loop thread with {@code chrt} (1..99), or 0 for none
 */
public record LoopConfig(OverrunPolicy overrun, long spinNanos, int pinCpu, int rtPriority) {

  /** SKIP, 200 us spin, no pinning, no real-time priority. */
  public static LoopConfig defaults() {
    return new LoopConfig(OverrunPolicy.SKIP, 200_000L, -1, 0);
  }
}
