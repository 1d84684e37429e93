package io.ganglion.drivers.encoder;

/**
 * The seam to one absolute angle encoder. Implementations: {@link EncoderIOPi4j} (AS5600 over
 * Pi4J I2C) and, in {@code sim}, a simulated joint. {@link #updateInputs} never throws and
 * allocates nothing.
 */
public interface EncoderIO {

  /** Reads the encoder and fills {@code inputs}. */
  void updateInputs(EncoderInputs inputs);
}
