package io.ganglion.testkit;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes a block of code allocates on the current thread, using the JVM's per-thread
 * allocation counter ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}).
 *
 * <p>Every hot-path test in the project proves "allocates nothing" with {@link
 * #assertAllocationFree}: the block is first run {@code warmupRuns} times so the JIT compiles it
 * (escape analysis included, as in production), then run {@code measuredRuns} times between two
 * readings of the counter. The counter's own cost is calibrated away by measuring an empty block.
 */
public final class AllocationMeter {

  /** A block of code to measure; it may throw so that checked code can be measured too. */
  @FunctionalInterface
  public interface Block {
    void run() throws Exception;
  }

  private static final com.sun.management.ThreadMXBean THREADS = threadBean();
  private static final int ATTEMPTS = 5;

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
   * runs allocate zero bytes on this thread.
   *
   * <p>The JVM itself occasionally allocates on the measured thread once (class loading, a
   * deoptimisation, a JIT-related stub): a few hundred bytes in total, never per run. So the
   * measurement is repeated up to {@value #ATTEMPTS} times and passes as soon as one attempt
   * measures exactly zero; a block that allocates on every run (even 8 bytes) never does.
   *
   * @param what names the hot path in the failure message
   */
  public static void assertAllocationFree(String what, int warmupRuns, int measuredRuns, Block block) {
    bytesAllocatedBy(warmupRuns, block);
    long bytes = 0;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      bytes = bytesAllocatedBy(measuredRuns, block);
      if (bytes == 0) {
        return;
      }
    }
    throw new AssertionError(
        what + " allocated " + bytes + " bytes over " + measuredRuns + " runs ("
            + (bytes / (double) measuredRuns) + " B/run) in each of " + ATTEMPTS
            + " attempts; hot paths must allocate nothing");
  }

  /** {@link #assertAllocationFree(String, int, int, Block)} with 20,000 warm-up and 10,000 measured runs. */
  public static void assertAllocationFree(String what, Block block) {
    assertAllocationFree(what, 20_000, 10_000, block);
  }
}
