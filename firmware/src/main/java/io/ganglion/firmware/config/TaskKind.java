package io.ganglion.firmware.config;

/** The periodic tasks of the firmware, in the order they run when due at the same instant. */
public enum TaskKind {
  /** Reads every joint encoder. */
  ENCODERS("encoders"),
  /** Reads the IMU. */
  IMU("imu"),
  /** Converts the sensor values, steps the control law, checks its outputs. */
  CONTROLLER("controller"),
  /** The actuator and safety loop: e-stop, failsafe monitor, PWM outputs, status LED. */
  SERVO("servo"),
  /** Offers a telemetry frame to the tap. */
  TELEMETRY("telemetry");

  private final String key;

  TaskKind(String key) {
    this.key = key;
  }

  /** The key in the board file's {@code tasks} section. */
  public String key() {
    return key;
  }
}
