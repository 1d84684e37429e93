package io.ganglion.telemetry.mqtt;

import io.ganglion.drivers.InvalidInputException;
import java.util.SplittableRandom;

/**
 * Exponential reconnect backoff with a cap and seeded jitter:
 *
 * <pre>
 * base(n)  = min(maxMillis, initialMillis * 2^n)      n = failed attempts so far
 * delay(n) = base(n) * (1 - jitter * u),  u uniform in [0, 1)
 * </pre>
 *
 * Jitter spreads the reconnects of a fleet after a broker restart. Not thread-safe (one owner).
 */
public final class ReconnectBackoff {

  private final long initialMillis;
  private final long maxMillis;
  private final double jitter;
  private final SplittableRandom random;
  private int attempts;

  /**
   * @param initialMillis first delay (> 0)
   * @param maxMillis cap (>= initialMillis)
   * @param jitter fraction in [0, 1) removed at random from each delay
   * @param seed jitter seed
   */
  public ReconnectBackoff(long initialMillis, long maxMillis, double jitter, long seed) {
    if (initialMillis <= 0 || maxMillis < initialMillis) {
      throw new InvalidInputException("reconnect backoff " + initialMillis + ".." + maxMillis
          + " ms is invalid; use 0 < initial <= max");
    }
    if (!(jitter >= 0 && jitter < 1)) {
      throw new InvalidInputException("reconnect jitter " + jitter + " is invalid; use 0 <= jitter < 1");
    }
    this.initialMillis = initialMillis;
    this.maxMillis = maxMillis;
    this.jitter = jitter;
    this.random = new SplittableRandom(seed);
  }

  /** The delay before the next attempt; counts one more failed attempt. */
  public long nextDelayMillis() {
    int shift = Math.min(attempts, 40);
    long base = initialMillis > (maxMillis >> shift) ? maxMillis : Math.min(maxMillis, initialMillis << shift);
    attempts++;
    return Math.max(1, base - (long) (base * jitter * random.nextDouble()));
  }

  /** After a successful connection: the next delay starts again from the initial one. */
  public void reset() {
    attempts = 0;
  }

  /** Failed attempts since the last reset. */
  public int attempts() {
    return attempts;
  }
}
