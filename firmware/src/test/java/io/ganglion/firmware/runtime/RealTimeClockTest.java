package io.ganglion.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RealTimeClockTest {

  @Test
  void sleepUntilNeverReturnsBeforeTheDeadline() {
    for (long spin : new long[] {0L, 50_000L, RealTimeClock.DEFAULT_SPIN_NANOS}) {
      RealTimeClock clock = new RealTimeClock(spin);
      for (int i = 0; i < 50; i++) {
        long deadline = clock.nanoTime() + 300_000L;
        clock.sleepUntil(deadline);
        long now = clock.nanoTime();
        assertTrue(now - deadline >= 0, "returned " + (deadline - now) + " ns early with spin " + spin);
      }
    }
  }

  @Test
  void aPastDeadlineReturnsAtOnce() {
    RealTimeClock clock = new RealTimeClock();
    long before = clock.nanoTime();
    clock.sleepUntil(before - 1_000_000_000L);
    assertTrue(clock.nanoTime() - before < 1_000_000_000L);
  }

  @Test
  void aNegativeSpinWindowIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RealTimeClock(-1));
  }
}
