package io.ganglion.firmware.core;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.firmware.failsafe.Failsafe;
import io.ganglion.firmware.failsafe.FailsafeReason;
import io.ganglion.firmware.failsafe.LinkHealth;
import io.ganglion.firmware.runtime.TaskStats;

/**
 * Evaluates the monitor's fault conditions every safety tick and reports them to the failsafe
 * (its {@link Failsafe#OWNER_MONITOR} slot):
 *
 * <ul>
 *   <li>{@code ESTOP}: the debounced e-stop is pressed (an unreadable pin reads pressed);
 *   <li>{@code SENSOR_FAILURE}: an encoder or the IMU failed {@code sensorFailureReads} reads in a
 *       row, or the PWM chip's bus did;
 *   <li>{@code STALE_INPUT}: an encoder's or the IMU's last valid read is older than
 *       {@code maxInputAgeNanos} (or there was none yet);
 *   <li>{@code DEADLINE_MISS}: any task has missed {@code maxConsecutiveMisses} deadlines in a row,
 *       or {@code maxWindowMisses} (when &gt; 0) of its latest {@code missWindowReleases} releases;
 *   <li>{@code LINK_LOST}: the {@link LinkHealth} reports the link down.
 * </ul>
 * The event of a trip names the device or task of its reason. Allocation-free.
 */
final class SafetyMonitor {

  private final RobotIo io;
  private final LoopData data;
  private final FirmwareSettings settings;
  private final LinkHealth link;
  private TaskStats[] tasks = new TaskStats[0];
  private final String[] encoderSources;
  private final String imuSource;
  private final String servoSource;
  private final String estopSource;
  private String[] taskSources = new String[0];
  private final String[] sourceByBit = new String[32];
  private final int[] detailByBit = new int[32];

  SafetyMonitor(RobotIo io, LoopData data, FirmwareSettings settings, LinkHealth link) {
    this.io = io;
    this.data = data;
    this.settings = settings;
    this.link = link;
    encoderSources = new String[io.joints()];
    for (int i = 0; i < encoderSources.length; i++) {
      encoderSources[i] = "encoder '" + io.encoderName(i) + "'";
    }
    imuSource = "imu '" + io.imuName() + "'";
    servoSource = "pwm '" + io.servoName() + "'";
    estopSource = "e-stop '" + io.estopName() + "'";
  }

  void watch(TaskStats[] stats) {
    tasks = stats.clone();
    taskSources = new String[tasks.length];
    for (int i = 0; i < tasks.length; i++) {
      taskSources[i] = "task '" + tasks[i].name() + "'";
    }
  }

  /** Evaluates every condition at {@code nowNanos} and reports them; returns whether the failsafe tripped. */
  boolean evaluate(Failsafe failsafe, long nowNanos) {
    int bits = 0;
    if (data.estop.pressed) {
      bits |= note(FailsafeReason.ESTOP, estopSource, data.estop.faultFlags, bits);
    }
    int maxFailures = settings.sensorFailureReads();
    long maxAge = settings.maxInputAgeNanos();
    for (int i = 0; i < encoderSources.length; i++) {
      SensorHealth h = data.encoderHealth[i];
      if (h.consecutiveFailures() >= maxFailures) {
        bits |= note(FailsafeReason.SENSOR_FAILURE, encoderSources[i], data.encoders[i].faultFlags, bits);
      }
      if (h.stale(nowNanos, maxAge)) {
        bits |= note(FailsafeReason.STALE_INPUT, encoderSources[i], data.encoders[i].faultFlags, bits);
      }
    }
    if (io.imu() != null) {
      if (data.imuHealth.consecutiveFailures() >= maxFailures) {
        bits |= note(FailsafeReason.SENSOR_FAILURE, imuSource, data.imu.faultFlags, bits);
      }
      if (data.imuHealth.stale(nowNanos, maxAge)) {
        bits |= note(FailsafeReason.STALE_INPUT, imuSource, data.imu.faultFlags, bits);
      }
    }
    if (data.servoHealth.consecutiveFailures() >= maxFailures) {
      bits |= note(FailsafeReason.SENSOR_FAILURE, servoSource, data.servo.faultFlags, bits);
    }
    for (int i = 0; i < tasks.length; i++) {
      int windowLimit = settings.maxWindowMisses();
      if (tasks[i].consecutiveMisses() >= settings.maxConsecutiveMisses()
          || (windowLimit > 0 && tasks[i].windowMisses() >= windowLimit)) {
        bits |= note(FailsafeReason.DEADLINE_MISS, taskSources[i], 0, bits);
      }
    }
    if (!link.linkUp(nowNanos)) {
      bits |= note(FailsafeReason.LINK_LOST, "link", 0, bits);
    }
    int raised = bits & ~failsafe.conditions();
    FailsafeReason reason = FailsafeReason.lowestFault(raised != 0 ? raised : bits);
    int index = reason == null ? 0 : Integer.numberOfTrailingZeros(reason.bit());
    return failsafe.report(Failsafe.OWNER_MONITOR, bits, nowNanos, reason == null ? "" : sourceByBit[index],
        reason == null ? 0 : detailByBit[index]);
  }

  /** Remembers the first source of a condition in this evaluation; returns its bit. */
  private int note(FailsafeReason reason, String source, int detail, int bitsSoFar) {
    int bit = reason.bit();
    if ((bitsSoFar & bit) == 0) {
      int index = Integer.numberOfTrailingZeros(bit);
      sourceByBit[index] = source;
      detailByBit[index] = detail;
    }
    return bit;
  }

  /** Whether the PWM chip's last status counts as a failed bus transaction. */
  static boolean servoHealthy(int faultFlags, boolean connected) {
    return connected && (faultFlags & (DeviceFaults.BUS_ERROR | DeviceFaults.NOT_INITIALIZED)) == 0;
  }
}
