package io.ganglion.firmware.cli.support;

import io.ganglion.drivers.InvalidInputException;
import picocli.CommandLine.Option;

/**
 * {@code --time-tolerance-us}: how far event times may go back (sensor jitter) for the readers,
 * live sources and detectors; the flag the readers' out-of-order errors name.
 */
public final class TimeToleranceOption {

  /** The largest tolerance accepted: one hour. */
  static final long MAX_US = 3_600_000_000L;

  @Option(names = "--time-tolerance-us", paramLabel = "US", defaultValue = "1000",
      description = "How far (us) an event's time may go back (jitter): delivered with the latest time;"
          + " beyond it a file is refused, and a live stream drops the event or starts anew (default: ${DEFAULT-VALUE}).")
  long toleranceUs;

  /** The tolerance in microseconds; a value out of [0, one hour] is a usage error. */
  public long microseconds() {
    if (toleranceUs < 0 || toleranceUs > MAX_US) {
      throw new InvalidInputException("--time-tolerance-us must be 0..3600000000 (one hour), got " + toleranceUs);
    }
    return toleranceUs;
  }
}
