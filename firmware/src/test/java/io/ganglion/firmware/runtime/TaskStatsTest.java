package io.ganglion.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TaskStatsTest {

  @Test
  void valuesBeyondTheTrackableRangeAreClampedAndCounted() {
    TaskStats s = new TaskStats("t", 1_000_000L, 100);
    s.recordRun(TaskStats.HIGHEST_TRACKABLE_NANOS * 3, -5);
    assertEquals(1, s.clampedValues());
    assertEquals(1, s.runs());
    assertEquals(TaskStats.HIGHEST_TRACKABLE_NANOS, s.startLatenessNanos().getMaxValue(),
        TaskStats.HIGHEST_TRACKABLE_NANOS / 1000);
    assertEquals(0, s.computeNanos().getMaxValue());
  }

  @Test
  void consecutiveMissesResetOnAnOnTimeStartAndTheLongestRunIsKept() {
    TaskStats s = new TaskStats("t", 1_000L, 100);
    s.recordRun(1_001, 1);
    s.recordRun(5_000, 1);
    s.recordSkipped(3);
    assertEquals(5, s.consecutiveMisses());
    s.recordRun(1_000, 1);
    assertEquals(0, s.consecutiveMisses());
    s.recordRun(2_000, 1);
    assertEquals(5, s.maxConsecutiveMisses());
    assertEquals(6, s.misses());
    assertEquals(3, s.skipped());
    s.reset();
    assertEquals(0, s.runs());
    assertEquals(0, s.maxConsecutiveMisses());
    assertEquals(0, s.startLatenessNanos().getTotalCount());
  }

  @Test
  void aTaskThatAlwaysOverrunsAndStartsOnTimeMissesWithoutEndUnderSkip() {
    // a 1 ms task taking 3 ms under SKIP: each run starts on time and drops the two releases it overran
    TaskStats s = new TaskStats("t", 1_000L, 100);
    for (int cycle = 1; cycle <= 4; cycle++) {
      s.recordRun(0, 3_000);
      s.recordSkipped(2);
      assertEquals(3L * cycle, s.consecutiveMisses(), "cycle " + cycle);
    }
    assertEquals(12, s.misses());
    assertEquals(8, s.skipped());
    // a run that starts on time and ends in time ends the run of misses
    s.recordRun(0, 500);
    assertEquals(0, s.consecutiveMisses());
    assertEquals(12, s.maxConsecutiveMisses());
  }

  @Test
  void aLateRunThatDropsReleasesIsCountedOnce() {
    TaskStats s = new TaskStats("t", 1_000L, 100);
    s.recordRun(1_500, 3_000);
    s.recordSkipped(2);
    assertEquals(3, s.consecutiveMisses());
    assertEquals(3, s.misses());
  }
}
