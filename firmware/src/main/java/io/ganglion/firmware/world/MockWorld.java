package io.ganglion.firmware.world;

import io.ganglion.firmware.runtime.PeriodicTask;
import java.util.Map;

/**
 * The physical world behind a mock board (`ganglion run --mock`): a periodic task that reads
 * what the fake actuator chips output, steps a model, and writes what the fake sensor chips read.
 * It runs on the loop, after the firmware's own tasks, so within one instant the firmware acts and
 * then the world moves on by one period.
 */
public interface MockWorld extends PeriodicTask {

  /** Task name, e.g. "world". */
  String name();

  /** Period of the world's steps, ns. */
  long periodNanos();

  /** What happened to the model (distance, final pose, ...); allocates, call after the run. */
  Map<String, Object> summary();

  /** One human line describing {@link #summary()}. */
  String describe();
}
