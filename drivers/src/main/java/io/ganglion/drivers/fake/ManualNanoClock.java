package io.ganglion.drivers.fake;

import io.ganglion.drivers.NanoClock;

/** A clock that moves only when told: for tests and virtual-time runs with the fakes. */
public final class ManualNanoClock implements NanoClock {

  private volatile long nanos;

  public ManualNanoClock(long startNanos) {
    this.nanos = startNanos;
  }

  @Override
  public long nanoTime() {
    return nanos;
  }

  /** Moves the clock forward by {@code deltaNanos}. */
  public void advance(long deltaNanos) {
    nanos += deltaNanos;
  }

  /** Sets the clock. */
  public void set(long nanos) {
    this.nanos = nanos;
  }
}
