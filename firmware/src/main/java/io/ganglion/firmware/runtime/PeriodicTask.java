package io.ganglion.firmware.runtime;

/**
 * One periodic job of the loop (read sensors, step the law, drive actuators, offer telemetry).
 * Runs on the loop thread only; must not block, throw or allocate in steady state.
 */
@FunctionalInterface
public interface PeriodicTask {

  /**
   * Runs one release of the task.
   *
   * @param nowNanos the loop clock when the task started (its deadline plus its start lateness)
   */
  void run(long nowNanos);
}
