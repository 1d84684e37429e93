package io.ganglion.firmware.law;

/**
 * A control law as the firmware runs it: sensor values in SI units in, one actuator command per
 * PWM channel out (normalised to [-1, 1]). Implementations own the unit conversions around a
 * fixed-point {@code io.ganglion.controllers.Controller} (or are a simple law in double
 * precision); they never throw on data and allocate nothing in {@link #step}. The firmware
 * checks the inputs and the commands for NaN/infinity and applies limits, safe values and the
 * failsafe.
 */
public interface ControlLaw {

  /** Short name, e.g. {@code "ncap"}. */
  String name();

  /** Number of commands {@link #step} writes. */
  int commandCount();

  /** Returns the law to its initial state. */
  void reset();

  /**
   * One control step.
   *
   * @param in the sensor values (all finite)
   * @param commands destination, {@link #commandCount()} values in [-1, 1]
   * @return fault flags ({@code io.ganglion.controllers.FaultFlags}); 0 when the step was clean
   */
  int step(LawInputs in, double[] commands);
}
