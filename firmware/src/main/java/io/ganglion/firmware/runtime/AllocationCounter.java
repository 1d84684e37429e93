package io.ganglion.firmware.runtime;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated by the current thread, from HotSpot's per-thread counter
 * ({@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}); -1 where the JVM does
 * not offer it. Reading it allocates nothing, so the loop reads it at its start, after warm-up and
 * at its end to report bytes per tick.
 */
public final class AllocationCounter {

  private static final com.sun.management.ThreadMXBean THREADS = bean();

  private AllocationCounter() {}

  private static com.sun.management.ThreadMXBean bean() {
    java.lang.management.ThreadMXBean b = ManagementFactory.getThreadMXBean();
    if (b instanceof com.sun.management.ThreadMXBean) {
      com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) b;
      if (sun.isThreadAllocatedMemorySupported()) {
        sun.setThreadAllocatedMemoryEnabled(true);
        return sun;
      }
    }
    return null;
  }

  /** Bytes the current thread has allocated since it started, or -1 when unsupported. */
  public static long currentThreadAllocatedBytes() {
    return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
  }
}
