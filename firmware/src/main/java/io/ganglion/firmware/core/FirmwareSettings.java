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
 * @param missWindowReleases releases of each task the miss-rate rule looks back over (1..2^20)
 * @param maxWindowMisses misses among a task's latest {@code missWindowReleases} that trip the
 *     failsafe (0: no miss-rate rule; otherwise at most the window)
 */
public record FirmwareSettings(long servoPeriodNanos, long encodersPeriodNanos, long imuPeriodNanos,
    long controllerPeriodNanos, long telemetryPeriodNanos, OverrunPolicy overrun, int maxConsecutiveMisses,
    int sensorFailureReads, long maxInputAgeNanos, boolean autoArm, int missWindowReleases, int maxWindowMisses) {

  public FirmwareSettings {
    if (servoPeriodNanos <= 0 || encodersPeriodNanos <= 0 || controllerPeriodNanos <= 0 || imuPeriodNanos < 0
        || telemetryPeriodNanos < 0) {
      throw new IllegalArgumentException("task periods must be > 0 (imu and telemetry: >= 0, 0 = none)");
    }
    if (maxConsecutiveMisses < 1 || sensorFailureReads < 1 || maxInputAgeNanos <= 0) {
      throw new IllegalArgumentException("failsafe thresholds must be positive");
    }
    if (missWindowReleases < 1 || missWindowReleases > (1 << 20) || maxWindowMisses < 0
        || maxWindowMisses > missWindowReleases) {
      throw new IllegalArgumentException("miss window: 1..2^20 releases and 0..window misses, got " + maxWindowMisses
          + " of " + missWindowReleases);
    }
  }

  /** The settings of a board file. */
  public static FirmwareSettings from(BoardConfig c) {
    return new FirmwareSettings(c.tasks().periodNanos(TaskKind.SERVO), c.tasks().periodNanos(TaskKind.ENCODERS),
        c.tasks().periodNanos(TaskKind.IMU), c.tasks().periodNanos(TaskKind.CONTROLLER),
        c.tasks().periodNanos(TaskKind.TELEMETRY), c.loop().overrun(), c.failsafe().maxConsecutiveMisses(),
        c.failsafe().sensorFailureReads(), c.failsafe().maxInputAgeNanos(), c.failsafe().autoArm(),
        c.failsafe().missWindowReleases(), c.failsafe().maxWindowMisses());
  }

  /** A copy with auto-arm set to {@code on}. */
  public FirmwareSettings withAutoArm(boolean on) {
    return new FirmwareSettings(servoPeriodNanos, encodersPeriodNanos, imuPeriodNanos, controllerPeriodNanos,
        telemetryPeriodNanos, overrun, maxConsecutiveMisses, sensorFailureReads, maxInputAgeNanos, on,
        missWindowReleases, maxWindowMisses);
  }

  /** A copy with a telemetry task every {@code periodNanos} (0: none). */
  public FirmwareSettings withTelemetryPeriod(long periodNanos) {
    return new FirmwareSettings(servoPeriodNanos, encodersPeriodNanos, imuPeriodNanos, controllerPeriodNanos,
        periodNanos, overrun, maxConsecutiveMisses, sensorFailureReads, maxInputAgeNanos, autoArm,
        missWindowReleases, maxWindowMisses);
  }
}
