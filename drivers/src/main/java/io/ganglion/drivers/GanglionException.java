package io.ganglion.drivers;

/**
 * The root of Ganglion's own unchecked exceptions. Each area has its subclasses (devices,
 * telemetry, simulation, configuration). {@link InvalidInputException} and its subclasses mean the
 * user gave something unusable (a flag, a file, a payload): the CLI prints their one-line message
 * and exits with code 2; any other {@code GanglionException} is a runtime failure (exit 1).
 *
 * <p>It lives in {@code drivers}, the lowest module of the I/O side, so that drivers, sim,
 * telemetry and firmware share it. {@code controllers} depends on nothing and reports invalid
 * parameters with {@link IllegalArgumentException} at construction only (see docs/architecture.md).
 *
 * <p>Periodic paths never throw these: they turn faults into flags and counters.
 */
public class GanglionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public GanglionException(String message) {
    super(message);
  }

  public GanglionException(String message, Throwable cause) {
    super(message, cause);
  }
}
