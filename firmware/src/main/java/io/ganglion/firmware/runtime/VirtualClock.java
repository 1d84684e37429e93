package io.ganglion.firmware.runtime;

/**
 * Simulated time: {@link #sleepUntil} sets the clock to the deadline at once, so a run takes only
 * the CPU time of its tasks and is deterministic (the time each task sees depends on the schedule
 * alone). Time never moves backwards and does not advance while a task computes. Read from one
 * thread (the loop's); other threads may read {@link #nanoTime()} for display.
 */
public final class VirtualClock implements LoopClock {

  private volatile long nanos;

  /** A clock at time 0. */
  public VirtualClock() {
    this(0L);
  }

  /** A clock at {@code startNanos}. */
  public VirtualClock(long startNanos) {
    this.nanos = startNanos;
  }

  @Override
  public long nanoTime() {
    return nanos;
  }

  @Override
  public void sleepUntil(long deadlineNanos) {
    if (deadlineNanos - nanos > 0) {
      nanos = deadlineNanos;
    }
  }

  @Override
  public boolean isVirtual() {
    return true;
  }
}
