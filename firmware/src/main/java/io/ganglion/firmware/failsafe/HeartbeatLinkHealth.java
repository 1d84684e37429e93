package io.ganglion.firmware.failsafe;

/**
 * A {@link LinkHealth} fed by heartbeats: the link's thread (e.g. the HIL client receiving a
 * sensor frame) calls {@link #beat(long)} with the loop clock's time; the link is up while the
 * last beat is at most {@code timeoutNanos} old. Down before the first beat, so the firmware cannot
 * arm before the link exists; {@link #markLost()} drops it at once (connection closed).
 * Thread-safe, allocation-free.
 */
public final class HeartbeatLinkHealth implements LinkHealth {

  private final long timeoutNanos;
  private volatile long lastBeatNanos;
  private volatile boolean beating;

  /** @param timeoutNanos the longest allowed gap between beats (> 0) */
  public HeartbeatLinkHealth(long timeoutNanos) {
    if (timeoutNanos <= 0) {
      throw new IllegalArgumentException("link timeout must be > 0 ns, got " + timeoutNanos);
    }
    this.timeoutNanos = timeoutNanos;
  }

  /** Records a sign of life at loop time {@code nowNanos}. */
  public void beat(long nowNanos) {
    lastBeatNanos = nowNanos;
    beating = true;
  }

  /** Declares the link lost until the next {@link #beat}. */
  public void markLost() {
    beating = false;
  }

  /** The configured timeout, ns. */
  public long timeoutNanos() {
    return timeoutNanos;
  }

  @Override
  public boolean linkUp(long nowNanos) {
    return beating && nowNanos - lastBeatNanos <= timeoutNanos;
  }
}
