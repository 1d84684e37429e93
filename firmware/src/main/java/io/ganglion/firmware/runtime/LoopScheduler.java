package io.ganglion.firmware.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs periodic tasks on one thread (the caller's): wait for the earliest deadline on the
 * {@link LoopClock}, then run every task due at that deadline in registration order, record its
 * start lateness and compute time in its {@link TaskStats}, and schedule its next release.
 *
 * <pre>
 *   release k of task i:  deadline = origin + phase_i + k period_i     (integer nanoseconds)
 *   loop:  d = min_i next_i;  clock.sleepUntil(d);  run each i with next_i &lt;= d, in order;
 *          next_i += period_i   (SKIP: releases already more than a period late are dropped)
 * </pre>
 *
 * <p>In virtual time every task starts exactly at its deadline, tasks due at the same instant run
 * in registration order, and nothing depends on wall time: two runs with the same tasks give the
 * same sequence of calls. Tasks are registered before the first run; the loop itself allocates
 * nothing. {@link #requestStop()} may be called from any thread.
 */
public final class LoopScheduler {

  private static final class Entry {
    final PeriodicTask task;
    final long periodNanos;
    final long phaseNanos;
    final TaskStats stats;

    Entry(PeriodicTask task, long periodNanos, long phaseNanos, TaskStats stats) {
      this.task = task;
      this.periodNanos = periodNanos;
      this.phaseNanos = phaseNanos;
      this.stats = stats;
    }
  }

  /** Releases per task in the miss window by default (the board file's {@code failsafe.miss_window}). */
  public static final int DEFAULT_MISS_WINDOW_RELEASES = 100;

  private final LoopClock clock;
  private final OverrunPolicy policy;
  private final int missWindowReleases;
  private final List<Entry> registered = new ArrayList<>();
  private Entry[] tasks;
  private long[] next;
  private long originNanos;
  private long iterations;
  private volatile boolean stopRequested;
  private RunListener listener;

  /**
   * Told about every task run before it starts (for a tick log, {@code io.ganglion.firmware.ticklog}):
   * on the loop thread, must not allocate or block.
   */
  @FunctionalInterface
  public interface RunListener {
    /** Task {@code index} (registration order) starts at {@code startNanos} for its release at {@code deadlineNanos}. */
    void beforeRun(int index, long startNanos, long deadlineNanos);

    /** After task {@code index} ran, {@code dropped} of its releases were skipped (SKIP policy; only when > 0). */
    default void skipped(int index, long dropped) {}
  }

  /** Sets the run listener (before the loop starts; null for none). */
  public void listener(RunListener l) {
    this.listener = l;
  }

  /** A scheduler whose tasks keep a miss window of {@link #DEFAULT_MISS_WINDOW_RELEASES} releases. */
  public LoopScheduler(LoopClock clock, OverrunPolicy policy) {
    this(clock, policy, DEFAULT_MISS_WINDOW_RELEASES);
  }

  /**
   * A scheduler whose tasks keep the outcomes of their latest {@code missWindowReleases} releases
   * ({@link TaskStats#windowMisses()}; 1..2^20).
   */
  public LoopScheduler(LoopClock clock, OverrunPolicy policy, int missWindowReleases) {
    if (clock == null || policy == null) {
      throw new IllegalArgumentException("clock and overrun policy are required");
    }
    if (missWindowReleases < 1 || missWindowReleases > MissWindow.MAX_RELEASES) {
      throw new IllegalArgumentException("miss window must hold 1.." + MissWindow.MAX_RELEASES + " releases, got "
          + missWindowReleases);
    }
    this.clock = clock;
    this.policy = policy;
    this.missWindowReleases = missWindowReleases;
  }

  /**
   * Registers a task released every {@code periodNanos}, first at {@code phaseNanos} after the
   * loop's start. Tasks due at the same instant run in the order they were added.
   *
   * @return the task's statistics
   * @throws IllegalStateException after the loop has started
   * @throws IllegalArgumentException for a period &lt;= 0, a phase outside [0, period) or a
   *     duplicate name
   */
  public TaskStats add(String name, long periodNanos, long phaseNanos, PeriodicTask task) {
    if (tasks != null) {
      throw new IllegalStateException("tasks must be added before the loop starts");
    }
    if (periodNanos <= 0) {
      throw new IllegalArgumentException("task '" + name + "': period must be > 0 ns, got " + periodNanos);
    }
    if (phaseNanos < 0 || phaseNanos >= periodNanos) {
      throw new IllegalArgumentException("task '" + name + "': phase must be in [0, period), got " + phaseNanos);
    }
    for (Entry e : registered) {
      if (e.stats.name().equals(name)) {
        throw new IllegalArgumentException("task '" + name + "' is registered twice");
      }
    }
    TaskStats stats = new TaskStats(name, periodNanos, missWindowReleases);
    registered.add(new Entry(task, periodNanos, phaseNanos, stats));
    return stats;
  }

  /** {@link #add(String, long, long, PeriodicTask)} with phase 0. */
  public TaskStats add(String name, long periodNanos, PeriodicTask task) {
    return add(name, periodNanos, 0, task);
  }

  /** The clock the loop runs on. */
  public LoopClock clock() {
    return clock;
  }

  /** The overrun policy. */
  public OverrunPolicy policy() {
    return policy;
  }

  /** The statistics of every task, in registration order. */
  public List<TaskStats> stats() {
    List<TaskStats> list = new ArrayList<>();
    for (Entry e : registered) {
      list.add(e.stats);
    }
    return list;
  }

  /** When the loop started (its first call to run), on the loop clock; 0 before. */
  public long originNanos() {
    return originNanos;
  }

  /** Times the loop woke up for a deadline. */
  public long iterations() {
    return iterations;
  }

  /** Whether the loop has started. */
  public boolean started() {
    return tasks != null;
  }

  /** Asks the loop to return after the tasks it is running now; callable from any thread. */
  public void requestStop() {
    stopRequested = true;
  }

  /** Whether a stop was requested. */
  public boolean stopRequested() {
    return stopRequested;
  }

  private void start() {
    tasks = registered.toArray(new Entry[0]);
    next = new long[tasks.length];
    originNanos = clock.nanoTime();
    for (int i = 0; i < tasks.length; i++) {
      next[i] = originNanos + tasks[i].phaseNanos;
    }
  }

  /**
   * Runs the loop for {@code durationNanos} of loop time from now (continuing the schedule of
   * earlier calls). Returns early when a stop is requested.
   */
  public void runFor(long durationNanos) {
    if (tasks == null) {
      start();
    }
    runUntil(clock.nanoTime() + durationNanos);
  }

  /**
   * Runs every release whose deadline is before {@code endNanos}, then waits until
   * {@code endNanos}; returns early (without waiting) when a stop is requested.
   */
  public void runUntil(long endNanos) {
    if (tasks == null) {
      start();
    }
    Entry[] ts = tasks;
    long[] nx = next;
    int n = ts.length;
    while (!stopRequested) {
      long d = Long.MAX_VALUE;
      for (int i = 0; i < n; i++) {
        if (nx[i] < d) {
          d = nx[i];
        }
      }
      if (n == 0 || d - endNanos >= 0) {
        clock.sleepUntil(endNanos);
        return;
      }
      clock.sleepUntil(d);
      iterations++;
      for (int i = 0; i < n && !stopRequested; i++) {
        if (nx[i] - d <= 0) {
          runOne(ts[i], i);
        }
      }
    }
  }

  /**
   * Replays one recorded task run: task {@code index} at {@code startNanos} (the clock must read
   * it) for its release at {@code deadlineNanos}, with the same statistics as the recorded run
   * (lateness), without scheduling anything. For {@code ganglion replay}.
   */
  public void replayRun(int index, long startNanos, long deadlineNanos) {
    if (tasks == null) {
      start();
    }
    Entry e = tasks[index];
    long c0 = System.nanoTime();
    e.task.run(startNanos);
    e.stats.recordRun(startNanos - deadlineNanos, System.nanoTime() - c0);
  }

  /** Replays {@code dropped} skipped releases of task {@code index} (after its {@link #replayRun}). */
  public void replaySkipped(int index, long dropped) {
    tasks[index].stats.recordSkipped(dropped);
  }

  /** Registered tasks' names, in order. */
  public List<String> taskNames() {
    List<String> names = new ArrayList<>();
    for (Entry e : registered) {
      names.add(e.stats.name());
    }
    return names;
  }

  private void runOne(Entry e, int i) {
    long deadline = next[i];
    long start = clock.nanoTime();
    if (listener != null) {
      listener.beforeRun(i, start, deadline);
    }
    long c0 = System.nanoTime();
    e.task.run(start);
    long compute = System.nanoTime() - c0;
    e.stats.recordRun(start - deadline, compute);
    long following = deadline + e.periodNanos;
    if (policy == OverrunPolicy.SKIP) {
      // drop the releases that would start more than a period late (each would be a miss):
      // with lateBy = now - following, release k (following + k P) is late by lateBy - k P, which
      // exceeds P for k < lateBy / P - 1, i.e. for ceil((lateBy - P) / P) = (lateBy - 1) / P releases
      long lateBy = clock.nanoTime() - following;
      if (lateBy > e.periodNanos) {
        long dropped = (lateBy - 1) / e.periodNanos;
        following += dropped * e.periodNanos;
        e.stats.recordSkipped(dropped);
        if (listener != null) {
          listener.skipped(i, dropped);
        }
      }
    }
    next[i] = following;
  }
}
