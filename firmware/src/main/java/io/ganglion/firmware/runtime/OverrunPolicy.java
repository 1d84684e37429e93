package io.ganglion.firmware.runtime;

/**
 * What the scheduler does when a task's next release is already due once it finishes (the task,
 * or the thread, fell behind by more than a period).
 */
public enum OverrunPolicy {
  /**
   * Drop the releases that are already more than one period late (each would be a deadline miss)
   * and keep the phase: the next release run is the first one of the original grid that is at most
   * one period late, so it starts at once or on time. Each dropped release counts as a miss
   * ({@link TaskStats#skipped()}). A controller sees a gap but never a burst of stale releases. The
   * default.
   */
  SKIP,
  /**
   * Run every release, back to back, until the task is on time again: no release is lost, but the
   * task runs late (and bursts) until it has caught up. For tasks that integrate per release
   * (a physics step, a counter) and so must run exactly once per period of time.
   */
  CATCH_UP
}
