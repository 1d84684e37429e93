package io.ganglion.firmware.core;

import io.ganglion.drivers.gpio.LedPattern;
import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.failsafe.Failsafe;
import io.ganglion.firmware.failsafe.FailsafeReason;
import io.ganglion.firmware.failsafe.FailsafeRequests;
import io.ganglion.firmware.runtime.PeriodicTask;

/**
 * The actuator and safety loop, each tick:
 *
 * <ol>
 *   <li>sample the e-stop (its debounce counts these ticks);
 *   <li>evaluate the safety monitor: a new fault trips the failsafe, which drives the outputs safe
 *       right there;
 *   <li>apply pending arm/disarm/re-arm requests; auto-arm once (if configured) when no condition
 *       is active and the law has stepped at least once, unless a disarm was requested before;
 *   <li>ARMED: send the law's last commands, clamped to the channel limits; otherwise: the safe
 *       values (writes only what changed, so this costs nothing on the bus once safe);
 *   <li>read the PWM chip's status (records its bus health); drive the status LED.
 * </ol>
 */
final class ServoTask implements PeriodicTask {

  private final RobotIo io;
  private final LoopData data;
  private final Failsafe failsafe;
  private final FailsafeRequests requests;
  private final SafetyMonitor monitor;
  private final ActuatorLimits limits;
  private final boolean autoArm;

  ServoTask(RobotIo io, LoopData data, Failsafe failsafe, FailsafeRequests requests, SafetyMonitor monitor,
      ActuatorLimits limits, boolean autoArm) {
    this.io = io;
    this.data = data;
    this.failsafe = failsafe;
    this.requests = requests;
    this.monitor = monitor;
    this.limits = limits;
    this.autoArm = autoArm;
  }

  static LedPattern pattern(ArmState state) {
    switch (state) {
      case ARMED:
        return LedPattern.FAST_BLINK;
      case FAILSAFE:
        return LedPattern.DOUBLE_FLASH;
      default:
        return LedPattern.SLOW_BLINK;
    }
  }

  @Override
  public void run(long nowNanos) {
    io.estop().updateInputs(data.estop);
    monitor.evaluate(failsafe, nowNanos);
    failsafe.applyRequests(requests, nowNanos);
    // auto-arm once, unless an operator asked to stay disarmed first (a pending disarm wins)
    if (autoArm && !failsafe.everArmed() && !failsafe.disarmRequested() && failsafe.state() == ArmState.DISARMED
        && failsafe.conditions() == 0 && data.lawSteps > 0) {
      failsafe.arm(nowNanos, FailsafeReason.AUTO_ARM);
    }
    if (failsafe.state() == ArmState.ARMED) {
      data.clampedCommands += limits.apply(data.lawCommands, data.limitedCommands);
      io.servo().apply(data.limitedCommands);
    } else {
      io.servo().applySafe();
    }
    io.servo().updateInputs(data.servo);
    data.servoHealth.record(SafetyMonitor.servoHealthy(data.servo.faultFlags, data.servo.connected), nowNanos);
    io.led().setPattern(pattern(failsafe.state()));
    io.led().apply(nowNanos);
    data.servoTicks++;
  }
}
