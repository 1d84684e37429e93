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

  /** A 1 ms task taking {@code tenths}/10 ms every run, 1 s under SKIP with a window of 100 releases. */
  private static TaskStats alwaysTaking(long tenths) {
    VirtualClock clock = new VirtualClock();
    LoopScheduler s = new LoopScheduler(clock, OverrunPolicy.SKIP, 100);
    TaskStats stats = s.add("servo", MS, now -> clock.sleepUntil(now + tenths * MS / 10));
    s.runFor(1000 * MS);
    return stats;
  }

  @Test
  void aTaskTakingUpToOneAndAHalfPeriodsMissesTwiceItsLostRateNeverThreeInARow() {
    // c periods per run, 1 < c <= 1.5: it runs at 1/c of its rate, and each dropped release comes
    // with the run that overran into it, so 2 (1 - 1/c) of its releases miss, two in a row at most
    // (the run after a drop starts at most c - 1 <= 2 - c periods late, so it drops nothing)
    long[][] tenthsAndWindowMisses = {{11, 18}, {12, 33}, {15, 67}};
    for (long[] c : tenthsAndWindowMisses) {
      TaskStats stats = alwaysTaking(c[0]);
      assertEquals(2, stats.maxConsecutiveMisses(), c[0] + " tenths");
      assertEquals(c[1], stats.windowMisses(), 1, c[0] + " tenths: misses in the latest 100 releases");
    }
    // at 1.1 periods (91% of its rate) it never reaches the default limit of 20 in 100
    assertTrue(alwaysTaking(11).maxWindowMisses() < 20);
  }

  @Test
  void pastOneAndAHalfPeriodsTheDropsComeInLongerRows() {
    // a run up to a whole period late still starts on time; one that late drops a release and the
    // run after it starts c - 1 periods late, more than the 2 - c that makes it drop too when
    // c > 1.5, so the row goes on: 1.6 periods gives 4 misses in a row (below the consecutive
    // rule's default limit of 5; 75 of 100 in the window), 1.7 gives 6
    assertEquals(4, alwaysTaking(16).maxConsecutiveMisses());
    assertEquals(75, alwaysTaking(16).windowMisses(), 1);
    assertEquals(6, alwaysTaking(17).maxConsecutiveMisses());
  }
}
