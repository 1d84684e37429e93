package io.ganglion.drivers.gpio;

/**
 * The seam to the emergency-stop input. Fail-safe: pressed at start until released for long
 * enough, and pressed whenever the input cannot be read. {@link #updateInputs} never throws and
 * allocates nothing.
 */
public interface EStopIO {

  /** Samples the input once and fills {@code inputs}. */
  void updateInputs(EStopInputs inputs);
}
