package io.ganglion.firmware.core;

import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.TaskKind;
import io.ganglion.firmware.runtime.OverrunPolicy;

/**
 * The loop's periods and failsafe thresholds (from a board file, or chosen by a simulation).
 *
 * @param servoPeriodNanos actuator + safety loop period
 * @param encodersPeriodNanos encoder reads
 * @param imuPeriodNanos IMU reads (0: no IMU task)
 * @param controllerPeriodNanos control-law step
 * @param telemetryPeriodNanos telemetry frames (0: no telemetry task)
 * @param overrun the scheduler's overrun policy
 * @param maxConsecutiveMisses deadline misses in a row (of any task) that trip the failsafe
 * @param sensorFailureReads failed reads in a row of one device that trip it
 * @param maxInputAgeNanos a sensor whose last valid read is older is stale
 * @param autoArm arm once at start after the first healthy tick
 */
public record FirmwareSettings(long servoPeriodNanos, long encodersPeriodNanos, long imuPeriodNanos,
    long controllerPeriodNanos, long telemetryPeriodNanos, OverrunPolicy overrun, int maxConsecutiveMisses,
    int sensorFailureReads, long maxInputAgeNanos, boolean autoArm) {

  public FirmwareSettings {
    if (servoPeriodNanos <= 0 || encodersPeriodNanos <= 0 || controllerPeriodNanos <= 0 || imuPeriodNanos < 0
        || telemetryPeriodNanos < 0) {
      throw new IllegalArgumentException("task periods must be > 0 (imu and telemetry: >= 0, 0 = none)");
    }
    if (maxConsecutiveMisses < 1 || sensorFailureReads < 1 || maxInputAgeNanos <= 0) {
      throw new IllegalArgumentException("failsafe thresholds must be positive");
    }
  }

  /** The settings of a board file. */
  public static FirmwareSettings from(BoardConfig c) {
    return new FirmwareSettings(c.tasks().periodNanos(TaskKind.SERVO), c.tasks().periodNanos(TaskKind.ENCODERS),
        c.tasks().periodNanos(TaskKind.IMU), c.tasks().periodNanos(TaskKind.CONTROLLER),
        c.tasks().periodNanos(TaskKind.TELEMETRY), c.loop().overrun(), c.failsafe().maxConsecutiveMisses(),
        c.failsafe().sensorFailureReads(), c.failsafe().maxInputAgeNanos(), c.failsafe().autoArm());
  }

  /** A copy with auto-arm set to {@code on}. */
  public FirmwareSettings withAutoArm(boolean on) {
    return new FirmwareSettings(servoPeriodNanos, encodersPeriodNanos, imuPeriodNanos, controllerPeriodNanos,
        telemetryPeriodNanos, overrun, maxConsecutiveMisses, sensorFailureReads, maxInputAgeNanos, on);
  }
}
