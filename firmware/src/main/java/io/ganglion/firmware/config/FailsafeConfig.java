package io.ganglion.firmware.config;

/**
 * Failsafe thresholds.
 *
 * @param maxConsecutiveMisses deadline misses in a row of any task that trip the failsafe
 * @param sensorFailureReads failed reads in a row of one device that trip the failsafe
 * @param maxInputAgeNanos a sensor whose last valid sample is older than this is stale
 * @param autoArm arm by itself once, at start, after the first tick with no fault condition
 * @param missWindowReleases the releases of each task the miss-rate rule looks back over
 * @param maxWindowMisses misses among a task's latest {@code missWindowReleases} releases that trip
 *     the failsafe (0: no miss-rate rule)
 */
public record FailsafeConfig(int maxConsecutiveMisses, int sensorFailureReads, long maxInputAgeNanos, boolean autoArm,
    int missWindowReleases, int maxWindowMisses) {

  /** 5 misses in a row, 3 reads, 50 ms, auto-arm, 20 misses in 100 releases. */
  public static FailsafeConfig defaults() {
    return new FailsafeConfig(5, 3, 50_000_000L, true, 100, 20);
  }
}
