package io.ganglion.drivers.servo;

/**
 * The seam to a bank of PWM outputs (servos, ESCs). Implementations: {@link ServoIOPi4j} (a
 * PCA9685 over Pi4J I2C) and, in {@code sim}, a simulated one. The periodic methods never throw
 * and allocate nothing; faults show in {@link ServoInputs}.
 */
public interface ServoIO {

  /** Number of configured outputs; command arrays and input arrays have this length. */
  int channelCount();

  /** Copies the device state (health, applied commands, pulse widths) into {@code inputs}. */
  void updateInputs(ServoInputs inputs);

  /**
   * Drives output i to {@code commands[i]} (unit of channel i: normalised or radians), clamped to
   * its limits. A non-finite command drives that output to its safe value; an array of the wrong
   * length drives all outputs safe. Both set {@code DeviceFaults.INVALID_COMMAND}.
   */
  void apply(double[] commands);

  /**
   * Drives every output to its configured safe value. Never throws: whether the values reached the
   * hardware shows in {@link ServoInputs#safeApplied} after the next {@link #updateInputs}.
   */
  void applySafe();

  /** Turns every output fully off (no pulses: servos go limp, ESCs see signal loss). */
  void disableAll();
}
