package io.ganglion.firmware.hil;

/** A simulated world served over HIL: sensors out at each step, actuators in, then the physics. */
public interface HilWorld {

  /** {@code swimmer}, {@code navigate}. */
  String name();

  /** Simulated time between two exchanges. */
  long stepNanos();

  /** Values in a sensor frame. */
  int sensorWords();

  /** Values in an actuator frame. */
  int actuatorWords();

  /** Reads the sensors at simulated time {@code tNanos} into {@code dest}; returns the count. */
  int readSensors(long tNanos, double[] dest);

  /** Applies the board's answer and advances one step; false when the physics failed (run over). */
  boolean step(double[] actuators, int count);
}
