package io.ganglion.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AllocationMeterTest {

  private static Object sink;
  private static long counter;

  @Test
  void detectsAnArrayAllocatedInTheBlock() {
    long bytes = AllocationMeter.bytesAllocatedBy(100, () -> sink = new long[128]);
    assertTrue(bytes >= 100 * 128 * 8, "expected at least 102400 bytes, measured " + bytes);
  }

  @Test
  void failsTheAssertionWhenTheBlockAllocates() {
    AssertionError e =
        assertThrows(AssertionError.class, () -> AllocationMeter.assertAllocationFree("boxing", 100, 100,
            () -> sink = Long.valueOf(counter++ + 1_000_000L)));
    assertTrue(e.getMessage().contains("boxing allocated"), e.getMessage());
  }

  @Test
  void passesForArithmeticOnPrimitives() {
    AllocationMeter.assertAllocationFree("primitive loop", () -> {
      for (int i = 0; i < 64; i++) {
        counter += i * 31L;
      }
    });
  }

  private static long calls;

  /**
   * A block that allocates a long[16] (144 B) on the first run of each listed window of 1,000 runs
   * (one window per attempt with no warm-up), or on every run of the windows in {@code everyRun}.
   */
  private static AllocationMeter.Block allocating(int[] oncePerWindow, int... everyRun) {
    calls = 0;
    return () -> {
      long c = calls++;
      long window = c / 1000;
      for (int w : oncePerWindow) {
        if (w == window && c % 1000 == 0) {
          sink = new long[16];
        }
      }
      for (int w : everyRun) {
        if (w == window) {
          sink = new long[16];
        }
      }
    };
  }

  @Test
  void toleratesAFewHundredBytesOfJvmNoiseInSomeAttempts() {
    AllocationMeter.assertAllocationFree("noise in attempts 0, 1 and 3", 0, 1000, allocating(new int[] {0, 1, 3}));
    assertTrue(calls == 3000, "three attempts at least, the third read zero: " + calls + " calls");
    AllocationMeter.assertAllocationFree("noise in attempt 0", 0, 1000, allocating(new int[] {0}));
  }

  @Test
  void failsWhenNoAttemptReadsZero() {
    int[] all = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    AssertionError e = assertThrows(AssertionError.class,
        () -> AllocationMeter.assertAllocationFree("once per attempt", 0, 1000, allocating(all)));
    assertTrue(e.getMessage().startsWith("once per attempt allocated: ["), e.getMessage());
    assertTrue(e.getMessage().contains("no attempt read 0"), e.getMessage());
    assertTrue(calls == 9000, "all nine attempts: " + calls + " calls");
  }

  @Test
  void failsWhenOneAttemptAllocatesOnEveryRunEvenIfOthersReadZero() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> AllocationMeter.assertAllocationFree("sometimes per run", 0, 1000, allocating(new int[0], 1)));
    assertTrue(e.getMessage().contains("B/run"), e.getMessage());
    assertTrue(e.getMessage().contains("[0, "), "attempt 0 read zero and still does not pass: " + e.getMessage());
  }
}
