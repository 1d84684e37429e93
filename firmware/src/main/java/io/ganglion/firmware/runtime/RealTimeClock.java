package io.ganglion.firmware.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * Wall time: {@link System#nanoTime()}. {@link #sleepUntil} parks the thread until
 * {@code spinNanos} before the deadline ({@link LockSupport#parkNanos}, which on Linux wakes some
 * 50..100 us late because of timer slack and scheduling), then busy-waits with
 * {@link Thread#onSpinWait()} for the rest. The spin window trades CPU for start jitter: with a
 * window larger than the park overshoot, a task starts within a few microseconds of its deadline on
 * an idle core (docs/firmware.md has the measurements).
 */
public final class RealTimeClock implements LoopClock {

  /** Default spin window before each deadline: 200 us. */
  public static final long DEFAULT_SPIN_NANOS = 200_000L;

  private final long spinNanos;

  /** A clock with the default spin window. */
  public RealTimeClock() {
    this(DEFAULT_SPIN_NANOS);
  }

  /** @param spinNanos busy-wait this long before each deadline (0: park only) */
  public RealTimeClock(long spinNanos) {
    if (spinNanos < 0) {
      throw new IllegalArgumentException("spin window must be >= 0 ns, got " + spinNanos);
    }
    this.spinNanos = spinNanos;
  }

  /** The busy-wait window before each deadline, ns. */
  public long spinNanos() {
    return spinNanos;
  }

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public void sleepUntil(long deadlineNanos) {
    for (;;) {
      long remaining = deadlineNanos - System.nanoTime();
      if (remaining <= 0) {
        return;
      }
      if (remaining > spinNanos) {
        LockSupport.parkNanos(remaining - spinNanos);
      } else {
        while (System.nanoTime() - deadlineNanos < 0) {
          Thread.onSpinWait();
        }
        return;
      }
    }
  }

  @Override
  public boolean isVirtual() {
    return false;
  }
}
