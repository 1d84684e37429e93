package io.ganglion.firmware.config;

/**
 * Failsafe thresholds.
 *
 * @param maxConsecutiveMisses deadline misses in a row of any task that trip the failsafe
 * @param sensorFailureReads failed reads in a row of one device that trip the failsafe
 * @param maxInputAgeNanos a sensor whose last valid sample is older than this is stale
 * @param autoArm arm by itself once, at start, after the first tick with no fault condition
 */
public record FailsafeConfig(int maxConsecutiveMisses, int sensorFailureReads, long maxInputAgeNanos, boolean autoArm) {

  /** 5 misses, 3 reads, 50 ms, auto-arm. */
  public static FailsafeConfig defaults() {
    return new FailsafeConfig(5, 3, 50_000_000L, true);
  }
}
