package io.ganglion.firmware.config;

import io.ganglion.drivers.encoder.As5600Config;
import io.ganglion.drivers.gpio.EStopConfig;
import io.ganglion.drivers.gpio.StatusLedConfig;
import io.ganglion.drivers.imu.Mpu6050Config;
import io.ganglion.drivers.servo.Pca9685Config;
import io.ganglion.drivers.servo.ServoChannelConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated board configuration (see {@link BoardConfigLoader} and docs/firmware.md): the
 * robot's devices as the drivers' own config records, and the firmware's settings.
 *
 * @param source the file it was read from (or null)
 * @param boardId the board's id (MQTT topics {@code robots/<id>/...})
 * @param loop loop thread settings
 * @param tasks task periods
 * @param law the control law
 * @param failsafe failsafe thresholds
 * @param pwm the PCA9685; its channels are the joints, in the file's order
 * @param encoders one AS5600 per joint, same order as the joints (encoder i measures joint i)
 * @param imu the MPU-6050, or null
 * @param estop the e-stop input
 * @param statusLed the status LED, or null
 * @param telemetry MQTT settings, or null
 * @param sim the physical model for --mock and simulations, or null
 */
public record BoardConfig(
    Path source,
    String boardId,
    LoopConfig loop,
    TaskRates tasks,
    LawConfig law,
    FailsafeConfig failsafe,
    Pca9685Config pwm,
    List<As5600Config> encoders,
    Mpu6050Config imu,
    EStopConfig estop,
    StatusLedConfig statusLed,
    TelemetryConfig telemetry,
    SimConfig sim) {

  public BoardConfig {
    encoders = List.copyOf(encoders);
  }

  /** The joints (PWM channels) in order. */
  public List<ServoChannelConfig> joints() {
    return pwm.channels();
  }

  /** Number of joints. */
  public int jointCount() {
    return pwm.channels().size();
  }

  /** Every driver config, for {@code FakeBoards.forDevices} and the board's driver factory. */
  public List<Object> deviceConfigs() {
    List<Object> all = new ArrayList<>();
    all.add(pwm);
    all.addAll(encoders);
    if (imu != null) {
      all.add(imu);
    }
    all.add(estop);
    if (statusLed != null) {
      all.add(statusLed);
    }
    return all;
  }
}
