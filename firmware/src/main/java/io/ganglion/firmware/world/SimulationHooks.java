package io.ganglion.firmware.world;

import io.ganglion.firmware.core.Firmware;
import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.runtime.PeriodicTask;
import io.ganglion.firmware.tap.TelemetryTap;
import java.util.ArrayList;
import java.util.List;

/**
 * What a simulation adds to its firmware besides the world: a telemetry tap and its period, an
 * event sink, and extra tasks (a command queue, a world telemetry stream, real-time pacing), which
 * run at each instant after the firmware's own tasks and before the physics, so they see the state
 * the controller saw. Nothing here changes the arithmetic of the run: a simulation with hooks gives
 * the same trajectory as without.
 */
public final class SimulationHooks {

  /** An extra task. */
  public record Task(String name, long periodNanos, PeriodicTask task) {}

  /** Builds the hooks once the simulation knows its firmware pieces. */
  @FunctionalInterface
  public interface Factory {
    /**
     * @param law the law the firmware runs
     * @param controlPeriodNanos the simulation's control period
     */
    SimulationHooks create(ControlLaw law, long controlPeriodNanos);
  }

  /** No hooks. */
  public static final Factory NONE = (law, period) -> new SimulationHooks(TelemetryTap.NONE, 0, EventSink.NONE);

  private final TelemetryTap tap;
  private final long telemetryPeriodNanos;
  private final EventSink events;
  private final List<Task> tasks = new ArrayList<>();
  private final List<java.util.function.Consumer<Firmware>> built = new ArrayList<>();

  /**
   * @param tap where telemetry frames go
   * @param telemetryPeriodNanos the telemetry task's period (0: none)
   * @param events where failsafe transitions go (in addition to the simulation's own sink)
   */
  public SimulationHooks(TelemetryTap tap, long telemetryPeriodNanos, EventSink events) {
    this.tap = tap;
    this.telemetryPeriodNanos = telemetryPeriodNanos;
    this.events = events;
  }

  /** Adds a task. */
  public SimulationHooks task(String name, long periodNanos, PeriodicTask task) {
    tasks.add(new Task(name, periodNanos, task));
    return this;
  }

  /** Runs {@code action} with the firmware once it is built (e.g. to bind its arm/disarm requests). */
  public SimulationHooks onBuilt(java.util.function.Consumer<Firmware> action) {
    built.add(action);
    return this;
  }

  /** Calls the {@link #onBuilt} actions. */
  void built(Firmware firmware) {
    built.forEach(a -> a.accept(firmware));
  }

  public TelemetryTap tap() {
    return tap;
  }

  public long telemetryPeriodNanos() {
    return telemetryPeriodNanos;
  }

  public EventSink events() {
    return events;
  }

  public List<Task> tasks() {
    return tasks;
  }

  /** Adds the tap, events and tasks to a firmware being built (events combined with {@code own}). */
  void applyTo(Firmware.Builder b, EventSink own) {
    b.telemetry(tap).events(own == EventSink.NONE ? events : EventSink.both(own, events));
    for (Task t : tasks) {
      b.task(t.name(), t.periodNanos(), 0, t.task());
    }
  }
}
