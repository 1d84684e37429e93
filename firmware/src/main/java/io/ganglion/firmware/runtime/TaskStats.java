package io.ganglion.firmware.runtime;

import org.HdrHistogram.Histogram;

/**
 * Timing statistics of one periodic task, kept by the {@link LoopScheduler} on the loop thread.
 *
 * <ul>
 *   <li><b>start lateness</b> (jitter): start time minus scheduled deadline, on the loop clock (0 in
 *       virtual time);
 *   <li><b>compute</b>: the task's run time, always measured with {@link System#nanoTime()} (real CPU
 *       cost, also in virtual time);
 *   <li><b>deadline miss</b>: a release that started more than one period late (it started after its
 *       successor should have), a release dropped by {@link OverrunPolicy#SKIP}, or the on-time run
 *       whose overrun dropped them (it ended more than a period after its successor's release, so
 *       after its own deadline: without this a task that always takes three periods would run at a
 *       third of its rate with never more than two misses in a row);
 *       {@link #consecutiveMisses()} and {@link #windowMisses()} (misses among the latest
 *       {@link #windowReleases()} releases) feed the failsafe.
 * </ul>
 *
 * <p>Both histograms track 1 ns .. {@value #HIGHEST_TRACKABLE_NANOS} ns with 3 significant digits
 * (HdrHistogram, ~205 KB each); {@code recordValue} is allocation-free in that range, and larger
 * values are recorded as the maximum and counted in {@link #clampedValues()}. Read the histograms
 * only when the loop has stopped (they are not thread-safe).
 */
public final class TaskStats {

  /** Largest value the histograms resolve: 10 s. */
  public static final long HIGHEST_TRACKABLE_NANOS = 10_000_000_000L;

  private final String name;
  private final long periodNanos;
  private final Histogram startLatenessNanos = new Histogram(1, HIGHEST_TRACKABLE_NANOS, 3);
  private final Histogram computeNanos = new Histogram(1, HIGHEST_TRACKABLE_NANOS, 3);
  private long runs;
  private long misses;
  private long skipped;
  private long consecutiveMisses;
  /** The run of misses an on-time start ended, restored if that run turns out to have overrun. */
  private long missesBeforeOnTimeRun;
  /** The latest run started on time and no skipped releases followed it yet. */
  private boolean lastRunOnTime;
  private long maxConsecutiveMisses;
  private long clampedValues;
  private long totalComputeNanos;
  private final MissWindow window;
  private int maxWindowMisses;

  TaskStats(String name, long periodNanos, int missWindowReleases) {
    this.name = name;
    this.periodNanos = periodNanos;
    this.window = new MissWindow(missWindowReleases);
  }

  void recordRun(long latenessNanos, long computeNanosValue) {
    runs++;
    startLatenessNanos.recordValue(clamp(latenessNanos));
    computeNanos.recordValue(clamp(computeNanosValue));
    totalComputeNanos += Math.max(0, computeNanosValue);
    if (latenessNanos > periodNanos) {
      miss(1);
      window.push(true);
      notePeakWindowMisses();
      lastRunOnTime = false;
    } else {
      window.push(false);
      missesBeforeOnTimeRun = consecutiveMisses;
      consecutiveMisses = 0;
      lastRunOnTime = true;
    }
  }

  /**
   * Releases dropped after the latest run (it ended more than a period after its successor's
   * release). If that run started on time, it missed its own deadline too: the run of misses its
   * start ended goes on, with it counted.
   */
  void recordSkipped(long releases) {
    if (releases <= 0) {
      return;
    }
    if (lastRunOnTime) {
      consecutiveMisses = missesBeforeOnTimeRun;
      lastRunOnTime = false;
      miss(1);
      window.markLatestMissed();
    }
    skipped += releases;
    miss(releases);
    window.pushMisses(releases);
    notePeakWindowMisses();
  }

  private void notePeakWindowMisses() {
    if (window.misses() > maxWindowMisses) {
      maxWindowMisses = window.misses();
    }
  }

  private void miss(long count) {
    misses += count;
    consecutiveMisses += count;
    if (consecutiveMisses > maxConsecutiveMisses) {
      maxConsecutiveMisses = consecutiveMisses;
    }
  }

  private long clamp(long v) {
    if (v < 0) {
      return 0;
    }
    if (v > HIGHEST_TRACKABLE_NANOS) {
      clampedValues++;
      return HIGHEST_TRACKABLE_NANOS;
    }
    return v;
  }

  /** Clears every counter and histogram (e.g. after a warm-up); call on the loop thread or when stopped. */
  public void reset() {
    startLatenessNanos.reset();
    computeNanos.reset();
    runs = 0;
    misses = 0;
    skipped = 0;
    consecutiveMisses = 0;
    missesBeforeOnTimeRun = 0;
    lastRunOnTime = false;
    maxConsecutiveMisses = 0;
    clampedValues = 0;
    totalComputeNanos = 0;
    window.clear();
    maxWindowMisses = 0;
  }

  /** The task's name. */
  public String name() {
    return name;
  }

  /** The task's period, ns. */
  public long periodNanos() {
    return periodNanos;
  }

  /** The nominal rate, 1e9 / period. */
  public double rateHz() {
    return 1e9 / periodNanos;
  }

  /** Releases run. */
  public long runs() {
    return runs;
  }

  /** Deadline misses: late starts by more than a period plus dropped releases. */
  public long misses() {
    return misses;
  }

  /** Releases dropped by {@link OverrunPolicy#SKIP}. */
  public long skipped() {
    return skipped;
  }

  /** Misses in a row up to now (0 after any on-time start). */
  public long consecutiveMisses() {
    return consecutiveMisses;
  }

  /** Misses among the latest {@link #windowReleases()} releases (run or dropped). */
  public int windowMisses() {
    return window.misses();
  }

  /** Releases the miss window holds: every release so far, up to its size. */
  public int windowReleases() {
    return window.releases();
  }

  /** The most misses the miss window has held at once. */
  public int maxWindowMisses() {
    return maxWindowMisses;
  }

  /** The most releases the miss window holds. */
  public int missWindowSize() {
    return window.size();
  }

  /** The longest run of consecutive misses. */
  public long maxConsecutiveMisses() {
    return maxConsecutiveMisses;
  }

  /** Values above {@link #HIGHEST_TRACKABLE_NANOS} recorded as that maximum. */
  public long clampedValues() {
    return clampedValues;
  }

  /** Sum of all compute times, ns. */
  public long totalComputeNanos() {
    return totalComputeNanos;
  }

  /** Start lateness (jitter) histogram, ns. */
  public Histogram startLatenessNanos() {
    return startLatenessNanos;
  }

  /** Compute time histogram, ns. */
  public Histogram computeNanos() {
    return computeNanos;
  }
}
