package io.ganglion.drivers.adc;

/**
 * The seam to an analog-to-digital converter. Implementation: {@link AdcIOPi4j} (ADS1115 over
 * Pi4J I2C). {@link #updateInputs} never throws, never waits for a conversion and allocates
 * nothing.
 */
public interface AdcIO {

  /** Number of configured channels; input arrays have this length. */
  int channelCount();

  /** Collects finished conversions, starts the next one, and fills {@code inputs}. */
  void updateInputs(AdcInputs inputs);
}
