package io.ganglion.drivers.imu;

/**
 * The seam to an IMU (accelerometer + gyroscope). Implementations: {@link ImuIOPi4j} (MPU-6050
 * over Pi4J I2C) and, in {@code sim}, the simulated body. {@link #updateInputs} never throws and
 * allocates nothing.
 */
public interface ImuIO {

  /** Reads one sample into {@code inputs}. */
  void updateInputs(ImuInputs inputs);
}
