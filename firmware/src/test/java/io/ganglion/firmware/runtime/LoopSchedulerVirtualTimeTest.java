package io.ganglion.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopSchedulerVirtualTimeTest {

  private static List<String> trace(long durationNanos) {
    VirtualClock clock = new VirtualClock(1_000L);
    LoopScheduler s = new LoopScheduler(clock, OverrunPolicy.SKIP);
    List<String> log = new ArrayList<>();
    s.add("fast", 1_000_000L, now -> log.add("fast@" + now));
    s.add("slow", 3_000_000L, now -> log.add("slow@" + now));
    s.add("phased", 2_000_000L, 500_000L, now -> log.add("phased@" + now));
    s.runFor(durationNanos);
    return log;
  }

  @Test
  void tasksStartExactlyAtTheirDeadlinesInRegistrationOrder() {
    List<String> log = trace(6_000_000L);
    assertEquals(List.of(
        "fast@1000", "slow@1000", "phased@501000",
        "fast@1001000",
        "fast@2001000", "phased@2501000",
        "fast@3001000", "slow@3001000",
        "fast@4001000", "phased@4501000",
        "fast@5001000"), log);
  }

  @Test
  void twoRunsGiveTheSameSequence() {
    assertEquals(trace(50_000_000L), trace(50_000_000L));
  }

  @Test
  void runForContinuesTheScheduleAndAdvancesTheClockToTheEnd() {
    VirtualClock clock = new VirtualClock();
    LoopScheduler s = new LoopScheduler(clock, OverrunPolicy.SKIP);
    List<Long> starts = new ArrayList<>();
    TaskStats stats = s.add("t", 1_000_000L, starts::add);
    s.runFor(2_500_000L);
    assertEquals(List.of(0L, 1_000_000L, 2_000_000L), starts);
    assertEquals(2_500_000L, clock.nanoTime());
    s.runFor(1_000_000L);
    assertEquals(List.of(0L, 1_000_000L, 2_000_000L, 3_000_000L), starts);
    assertEquals(4, stats.runs());
    assertEquals(0, stats.misses());
    assertEquals(0, stats.startLatenessNanos().getMaxValue());
  }

  @Test
  void stopRequestedFromATaskEndsTheLoopAfterThatTask() {
    VirtualClock clock = new VirtualClock();
    LoopScheduler s = new LoopScheduler(clock, OverrunPolicy.SKIP);
    List<String> log = new ArrayList<>();
    s.add("a", 1_000_000L, now -> {
      log.add("a@" + now);
      if (now == 2_000_000L) {
        s.requestStop();
      }
    });
    s.add("b", 1_000_000L, now -> log.add("b@" + now));
    s.runFor(10_000_000L);
    assertEquals(List.of("a@0", "b@0", "a@1000000", "b@1000000", "a@2000000"), log);
    assertTrue(s.stopRequested());
  }

  @Test
  void registrationIsCheckedAndClosedOnceRunning() {
    LoopScheduler s = new LoopScheduler(new VirtualClock(), OverrunPolicy.SKIP);
    assertThrows(IllegalArgumentException.class, () -> s.add("x", 0, now -> {}));
    assertThrows(IllegalArgumentException.class, () -> s.add("x", 10, 10, now -> {}));
    s.add("x", 10, now -> {});
    assertThrows(IllegalArgumentException.class, () -> s.add("x", 10, now -> {}));
    s.runFor(5);
    assertThrows(IllegalStateException.class, () -> s.add("y", 10, now -> {}));
  }
}
