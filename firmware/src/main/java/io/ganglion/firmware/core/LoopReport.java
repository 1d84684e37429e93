package io.ganglion.firmware.core;

import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.runtime.TaskStats;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What a run of the loop measured, for the exit report: per task the rate, start jitter and
 * compute-time percentiles and deadline misses; the failsafe's final state and counts; the loop
 * thread's allocation per servo tick, over the whole run and after the warm-up.
 *
 * @param loopSeconds loop time elapsed (simulated seconds in virtual time)
 * @param allocatedBytes bytes allocated by the loop thread over the run (-1 unsupported)
 * @param steadyAllocatedBytes bytes allocated after the warm-up (-1 when the run was shorter)
 * @param steadyServoTicks servo ticks after the warm-up
 */
public record LoopReport(List<TaskReport> tasks, boolean virtualTime, double loopSeconds, ArmState finalState,
    long trips, long transitions, long refusedRequests, long servoTicks, long lawSteps, long clampedCommands,
    long allocatedBytes, long steadyAllocatedBytes, long steadyServoTicks, double warmupSeconds) {

  /**
   * One task's statistics; times in nanoseconds.
   *
   * @param maxWindowMisses the most misses among the task's latest {@code missWindow} releases at once
   * @param missWindow releases in the miss-rate rule's window
   * @param jitterP50Nanos start lateness percentiles (p50, p99, p99.9, max)
   * @param computeP50Nanos compute time percentiles (p50, p99, max) and mean
   */
  public record TaskReport(String name, long periodNanos, long runs, long misses, long skipped,
      long maxConsecutiveMisses, int maxWindowMisses, int missWindow, long jitterP50Nanos, long jitterP99Nanos,
      long jitterP999Nanos, long jitterMaxNanos,
      long computeP50Nanos, long computeP99Nanos, long computeMaxNanos, double computeMeanNanos) {

    /** The nominal rate, Hz. */
    public double rateHz() {
      return 1e9 / periodNanos;
    }

    static TaskReport of(TaskStats s) {
      Histogram j = s.startLatenessNanos();
      Histogram c = s.computeNanos();
      boolean any = s.runs() > 0;
      return new TaskReport(s.name(), s.periodNanos(), s.runs(), s.misses(), s.skipped(), s.maxConsecutiveMisses(),
          s.maxWindowMisses(), s.missWindowSize(), any ? j.getValueAtPercentile(50) : 0,
          any ? j.getValueAtPercentile(99) : 0,
          any ? j.getValueAtPercentile(99.9) : 0, any ? j.getMaxValue() : 0,
          any ? c.getValueAtPercentile(50) : 0, any ? c.getValueAtPercentile(99) : 0, any ? c.getMaxValue() : 0,
          any ? c.getMean() : 0);
    }
  }

  static List<TaskReport> of(List<TaskStats> stats) {
    List<TaskReport> list = new ArrayList<>();
    for (TaskStats s : stats) {
      list.add(TaskReport.of(s));
    }
    return List.copyOf(list);
  }

  /** Bytes allocated per servo tick over the whole run, or NaN. */
  public double bytesPerTick() {
    return allocatedBytes < 0 || servoTicks == 0 ? Double.NaN : allocatedBytes / (double) servoTicks;
  }

  /** Bytes allocated per servo tick after the warm-up, or NaN when the run was too short. */
  public double steadyBytesPerTick() {
    return steadyAllocatedBytes < 0 || steadyServoTicks == 0 ? Double.NaN : steadyAllocatedBytes / (double) steadyServoTicks;
  }
}
