package io.ganglion.firmware.cli.bench;

import java.lang.management.ManagementFactory;

/** Bytes allocated so far by the calling thread (HotSpot's per-thread counter), and a result sink. */
final class ThreadAllocation {

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static volatile long sink;

  private ThreadAllocation() {}

  /** Whether the counter works here (switching it on when it is only off). */
  static boolean supported() {
    if (!THREADS.isThreadAllocatedMemorySupported()) {
      return false;
    }
    if (!THREADS.isThreadAllocatedMemoryEnabled()) {
      THREADS.setThreadAllocatedMemoryEnabled(true);
    }
    return THREADS.getCurrentThreadAllocatedBytes() >= 0;
  }

  static long bytes() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  /** Keeps a measured pass's result alive, so the JIT cannot drop the work. */
  static void consume(long result) {
    sink += result;
  }
}
