package io.ganglion.firmware.core;

/**
 * Read health of one device, tracked by the loop: failures in a row, when it last read valid
 * (on the loop clock), totals. A device that never read valid is stale.
 */
public final class SensorHealth {

  private int consecutiveFailures;
  private long failures;
  private long reads;
  private long lastValidNanos;
  private boolean everValid;

  /** Records one read at {@code nowNanos}. */
  public void record(boolean valid, long nowNanos) {
    reads++;
    if (valid) {
      consecutiveFailures = 0;
      lastValidNanos = nowNanos;
      everValid = true;
    } else {
      failures++;
      if (consecutiveFailures < Integer.MAX_VALUE) {
        consecutiveFailures++;
      }
    }
  }

  /** Failed reads in a row. */
  public int consecutiveFailures() {
    return consecutiveFailures;
  }

  /** Failed reads since start. */
  public long failures() {
    return failures;
  }

  /** Reads since start. */
  public long reads() {
    return reads;
  }

  /** Whether the last valid read is older than {@code maxAgeNanos} at {@code nowNanos} (or there was none). */
  public boolean stale(long nowNanos, long maxAgeNanos) {
    return !everValid || nowNanos - lastValidNanos > maxAgeNanos;
  }

  /** Loop time of the last valid read (meaningless before the first). */
  public long lastValidNanos() {
    return lastValidNanos;
  }
}
