package io.ganglion.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Overruns in virtual time: a task that "stalls" moves the virtual clock forward
 * ({@code sleepUntil} a later time from inside the task), so every other release becomes late,
 * exactly as a blocked thread would make them on a board.
 */
class LoopSchedulerOverrunTest {

  private static final long MS = 1_000_000L;

  private static final class Run {
    final List<Long> starts = new ArrayList<>();
    final TaskStats stats;

    Run(OverrunPolicy policy, long stallAtNanos, long stallNanos) {
      VirtualClock clock = new VirtualClock();
      LoopScheduler s = new LoopScheduler(clock, policy);
      stats = s.add("servo", MS, now -> {
        starts.add(now);
        if (now == stallAtNanos) {
          clock.sleepUntil(now + stallNanos);
        }
      });
      s.runFor(10 * MS);
    }
  }

  @Test
  void skipDropsTheReleasesMoreThanAPeriodLateAndKeepsThePhase() {
    // stalls 3.5 ms at t = 2 ms: releases at 3, 4 ms are more than a period late and dropped,
    // the one at 5 ms (0.5 ms late) runs at once, then 6, 7, ... on the original grid
    Run r = new Run(OverrunPolicy.SKIP, 2 * MS, 3 * MS + MS / 2);
    assertEquals(List.of(0L, MS, 2 * MS, 5 * MS + MS / 2, 6 * MS, 7 * MS, 8 * MS, 9 * MS), r.starts);
    assertEquals(2, r.stats.skipped());
    assertEquals(3, r.stats.misses(), "the two dropped releases and the stalled run, which ended after its deadline");
    assertEquals(3, r.stats.maxConsecutiveMisses());
    assertEquals(0, r.stats.consecutiveMisses());
    assertEquals(MS / 2, r.stats.startLatenessNanos().getMaxValue(), MS / 1000);
  }

  @Test
  void catchUpRunsEveryReleaseBackToBackUntilOnTime() {
    Run r = new Run(OverrunPolicy.CATCH_UP, 2 * MS, 3 * MS + MS / 2);
    long resumed = 5 * MS + MS / 2;
    assertEquals(List.of(0L, MS, 2 * MS, resumed, resumed, resumed, 6 * MS, 7 * MS, 8 * MS, 9 * MS), r.starts);
    assertEquals(0, r.stats.skipped());
    // late by 2.5 ms and 1.5 ms: misses; 0.5 ms: not a miss
    assertEquals(2, r.stats.misses());
    assertEquals(2, r.stats.maxConsecutiveMisses());
    assertEquals(10, r.stats.runs());
  }

  @Test
  void aStartLessThanOnePeriodLateIsNotAMiss() {
    Run r = new Run(OverrunPolicy.SKIP, 2 * MS, MS / 2);
    assertEquals(0, r.stats.misses());
    assertEquals(List.of(0L, MS, 2 * MS, 3 * MS, 4 * MS, 5 * MS, 6 * MS, 7 * MS, 8 * MS, 9 * MS), r.starts);
  }

  @Test
  void aTaskThatAlwaysTakesThreePeriodsKeepsMissingUnderSkip() {
    VirtualClock clock = new VirtualClock();
    LoopScheduler s = new LoopScheduler(clock, OverrunPolicy.SKIP);
    TaskStats stats = s.add("servo", MS, now -> clock.sleepUntil(now + 3 * MS));
    s.runFor(30 * MS);
    // every run starts on time, drops the two releases it overran and missed its own deadline:
    // the failsafe's count (default limit 5) keeps growing instead of resetting at each run
    assertEquals(11, stats.runs(), "at 0, 3, ..., 30 ms");
    assertTrue(stats.skipped() >= 20, "two dropped releases per run, got " + stats.skipped());
    assertEquals(stats.runs() + stats.skipped(), stats.misses(), "every run missed its deadline, and every dropped release");
    assertEquals(stats.misses(), stats.consecutiveMisses(), "never reset");
  }

  @Test
  void aTaskTakingOneAndAHalfPeriodsMissesTwoThirdsOfItsWindowNeverThreeInARow() {
    VirtualClock clock = new VirtualClock();
    LoopScheduler s = new LoopScheduler(clock, OverrunPolicy.SKIP, 90);
    TaskStats stats = s.add("servo", MS, now -> clock.sleepUntil(now + 3 * MS / 2));
    s.runFor(300 * MS);
    // runs at 0, 1.5, 3, 4.5 ms, ...: the run that starts on time at 3k ms ends 1.5 periods after
    // its successor's release, which is dropped; the one after starts half a period late. Per 3 ms:
    // 3 releases, 2 misses (the dropped release and the run that overran into it), never 3 in a row
    assertEquals(2, stats.maxConsecutiveMisses());
    assertEquals(90, stats.windowReleases());
    assertEquals(60, stats.windowMisses());
  }
}
