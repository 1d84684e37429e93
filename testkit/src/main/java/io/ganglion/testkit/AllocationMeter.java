package io.ganglion.testkit;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes a block of code allocates on the current thread, using the JVM's per-thread
 * allocation counter ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}).
 *
 * <p>Every hot-path test in the project proves "allocates nothing" with {@link
 * #assertAllocationFree}: the block is first run {@code warmupRuns} times so the JIT compiles it
 * (escape analysis included, as in production), then run {@code measuredRuns} times between two
 * readings of the counter, in several attempts: one must read zero and none may reach
 * {@value #PER_RUN_BYTES} bytes per run. The counter's own cost is calibrated away by measuring an empty block.
 */
public final class AllocationMeter {

  /** A block of code to measure; it may throw so that checked code can be measured too. */
  @FunctionalInterface
  public interface Block {
    void run() throws Exception;
  }

  private static final com.sun.management.ThreadMXBean THREADS = threadBean();
  /** Measurement attempts at most. */
  public static final int ATTEMPTS = 9;
  /** Attempts always made, so that a path allocating now and then has several chances to show. */
  public static final int MIN_ATTEMPTS = 3;
  /**
   * Bytes per run (averaged over an attempt) that fail at once: half the smallest object (16 B), so
   * code that allocates on every run fails, while the JVM's own noise (at most about a kilobyte per
   * attempt, i.e. ~1 B/run over 1,000 runs) stays far below.
   */
  public static final int PER_RUN_BYTES = 8;

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
   * runs allocate nothing on this thread.
   *
   * <p>The JVM itself sometimes allocates on the measured thread (class loading, a deoptimisation,
   * a JIT stub, code still running before C2 finishes compiling it on a loaded machine): tens to a
   * few hundred bytes in an attempt, never a byte per run, and on a busy 2-core machine in most
   * attempts for a while (seen: [808, 80, 0, 96] and [640, 288, 0, 0, 112] bytes over 10,000 and
   * 1,000 runs). The rule: attempts of {@code measuredRuns} runs are made until one reads exactly
   * zero, at least {@value #MIN_ATTEMPTS} and at most {@value #ATTEMPTS}; the block passes when one
   * read zero and none read {@value #PER_RUN_BYTES} bytes per run or more. Code that allocates on
   * every run, even 16 bytes (the smallest object), reads at least 16 bytes per run in every
   * attempt; code that allocates at least once per attempt never reads zero. Both fail.
   *
   * @param what names the hot path in the failure message
   */
  public static void assertAllocationFree(String what, int warmupRuns, int measuredRuns, Block block) {
    bytesAllocatedBy(warmupRuns, block);
    long[] readings = new long[ATTEMPTS];
    int n = 0;
    boolean zero = false;
    long most = 0;
    while (n < ATTEMPTS && (n < MIN_ATTEMPTS || !zero)) {
      readings[n] = bytesAllocatedBy(measuredRuns, block);
      zero |= readings[n] == 0;
      most = Math.max(most, readings[n]);
      n++;
    }
    boolean perRun = most >= (long) PER_RUN_BYTES * measuredRuns;
    if (zero && !perRun) {
      return;
    }
    throw new AssertionError(what + " allocated: " + java.util.Arrays.toString(java.util.Arrays.copyOf(readings, n))
        + " bytes in attempts of " + measuredRuns + " runs (" + (perRun
            ? "up to " + (most / (double) measuredRuns) + " B/run"
            : "no attempt read 0")
        + "); hot paths must allocate nothing (passes when an attempt reads 0 and none reaches " + PER_RUN_BYTES
        + " B/run)");
  }

  /** {@link #assertAllocationFree(String, int, int, Block)} with 20,000 warm-up and 10,000 measured runs. */
  public static void assertAllocationFree(String what, Block block) {
    assertAllocationFree(what, 20_000, 10_000, block);
  }
}
