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
}
