package io.ganglion.drivers.gpio;

/**
 * The seam to a status LED driven by the loop's tick: set a pattern, call {@link #apply} every
 * tick with the loop time. Never throws.
 */
public interface StatusLedIO {

  /** Switches to {@code pattern}; it starts at the next {@link #apply}'s time. */
  void setPattern(LedPattern pattern);

  /** Sets the LED to the pattern's state at {@code nowNanos} (writes the pin only on change). */
  void apply(long nowNanos);

  /** Fills {@code inputs} with the LED's state. */
  void updateInputs(StatusLedInputs inputs);
}
