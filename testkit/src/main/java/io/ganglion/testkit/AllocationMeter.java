package io.ganglion.testkit;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes a block of code allocates on the current thread, using the JVM's per-thread
 * allocation counter ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}).
 *
 * <p>Every hot-path test in the project proves "allocates nothing" with {@link
 * #assertAllocationFree}: the block is first run {@code warmupRuns} times so the JIT compiles it
 * (escape analysis included, as in production), then run {@code measuredRuns} times between two
 * readings of the counter, in several attempts of which a majority must read zero. The counter's
 * own cost is calibrated away by measuring an empty block.
 */
public final class AllocationMeter {

  /** A block of code to measure; it may throw so that checked code can be measured too. */
  @FunctionalInterface
  public interface Block {
    void run() throws Exception;
  }

  private static final com.sun.management.ThreadMXBean THREADS = threadBean();
  /** Measurement attempts at most. */
  public static final int ATTEMPTS = 5;
  /** Attempts that must read zero bytes for {@link #assertAllocationFree} to pass: a majority. */
  public static final int MAJORITY = ATTEMPTS / 2 + 1;

  private AllocationMeter() {}

  private static com.sun.management.ThreadMXBean threadBean() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    if (!(bean instanceof com.sun.management.ThreadMXBean)) {
      throw new IllegalStateException(
          "this JVM has no com.sun.management.ThreadMXBean; allocation tests need HotSpot or OpenJ9");
    }
    com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) bean;
    if (!sun.isThreadAllocatedMemorySupported()) {
      throw new IllegalStateException("thread allocated-memory measurement is not supported by this JVM");
    }
    sun.setThreadAllocatedMemoryEnabled(true);
    return sun;
  }

  /** Bytes allocated so far by the current thread. */
  public static long currentThreadAllocatedBytes() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  /**
   * Bytes allocated on this thread by {@code runs} executions of {@code block}, minus the
   * measurement's own overhead.
   */
  public static long bytesAllocatedBy(int runs, Block block) {
    try {
      long overhead = measure(1, () -> {});
      return Math.max(0, measure(runs, block) - overhead);
    } catch (Exception e) {
      throw new AssertionError("block threw while being measured: " + e, e);
    }
  }

  private static long measure(int runs, Block block) throws Exception {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < runs; i++) {
      block.run();
    }
    return THREADS.getCurrentThreadAllocatedBytes() - before;
  }

  /**
   * Runs {@code block} {@code warmupRuns} times, then asserts that {@code measuredRuns} further
   * runs allocate zero bytes on this thread, in a majority of {@value #ATTEMPTS} attempts.
   *
   * <p>The JVM itself occasionally allocates on the measured thread once (class loading, a
   * deoptimisation, a JIT-related stub): a few hundred bytes in total, never per run, so one
   * attempt may read a few bytes while the code allocates nothing. The rule: the block is measured
   * in up to {@value #ATTEMPTS} attempts of {@code measuredRuns} runs each and passes only when a
   * majority ({@value #MAJORITY}) read exactly zero; it fails as soon as a majority cannot. A block
   * that allocates on every run (even 8 bytes), or once every few thousand runs, reads non-zero in
   * every attempt; noise in a minority of attempts is tolerated, noise in most is not.
   *
   * @param what names the hot path in the failure message
   */
  public static void assertAllocationFree(String what, int warmupRuns, int measuredRuns, Block block) {
    bytesAllocatedBy(warmupRuns, block);
    long[] readings = new long[ATTEMPTS];
    int n = 0;
    int zeros = 0;
    while (zeros < MAJORITY && n - zeros < MAJORITY) {
      readings[n] = bytesAllocatedBy(measuredRuns, block);
      if (readings[n] == 0) {
        zeros++;
      }
      n++;
    }
    if (zeros >= MAJORITY) {
      return;
    }
    long least = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      least = readings[i] == 0 ? least : Math.min(least, readings[i]);
    }
    throw new AssertionError(
        what + " allocated in " + (n - zeros) + " of " + n + " attempts of " + measuredRuns + " runs: "
            + java.util.Arrays.toString(java.util.Arrays.copyOf(readings, n)) + " bytes (at least "
            + (least / (double) measuredRuns) + " B/run); hot paths must allocate nothing (passes when "
            + MAJORITY + " of " + ATTEMPTS + " attempts read 0)");
  }

  /** {@link #assertAllocationFree(String, int, int, Block)} with 20,000 warm-up and 10,000 measured runs. */
  public static void assertAllocationFree(String what, Block block) {
    assertAllocationFree(what, 20_000, 10_000, block);
  }
}
