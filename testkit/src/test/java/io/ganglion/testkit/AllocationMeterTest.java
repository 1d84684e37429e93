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

  /** A block that allocates only on the calls listed (one window of 100 runs per attempt, no warm-up). */
  private static AllocationMeter.Block allocatingInWindows(int... windows) {
    calls = 0;
    return () -> {
      long window = calls++ / 100;
      for (int w : windows) {
        if (w == window) {
          sink = new long[16];
        }
      }
    };
  }

  @Test
  void passesWhenOnlyAMinorityOfAttemptsSeeAllocation() {
    AllocationMeter.assertAllocationFree("noise in attempts 1 and 3", 0, 100, allocatingInWindows(1, 3));
    AllocationMeter.assertAllocationFree("noise in attempt 0", 0, 100, allocatingInWindows(0));
  }

  @Test
  void failsWhenAMajorityOfAttemptsSeeAllocationEvenIfOneReadsZero() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> AllocationMeter.assertAllocationFree("mostly dirty", 0, 100, allocatingInWindows(0, 2, 3)));
    assertTrue(e.getMessage().startsWith("mostly dirty allocated in 3 of 4 attempts of 100 runs: ["), e.getMessage());
    assertTrue(e.getMessage().contains(", 0, "), "attempt 1 read zero and still does not pass: " + e.getMessage());
    assertTrue(calls == 400, "stops once a majority of 3 is out of reach: " + calls + " calls");
  }
}
