package io.ganglion.firmware.core;

import io.ganglion.firmware.failsafe.Failsafe;
import io.ganglion.firmware.runtime.PeriodicTask;
import io.ganglion.firmware.tap.TelemetryFrame;
import io.ganglion.firmware.tap.TelemetryTap;

/** Fills the reused {@link TelemetryFrame} from the loop's data and offers it to the tap. */
final class TelemetryTask implements PeriodicTask {

  private final RobotIo io;
  private final LoopData data;
  private final Failsafe failsafe;
  private final TelemetryTap tap;
  private final TelemetryFrame frame;

  TelemetryTask(RobotIo io, LoopData data, Failsafe failsafe, TelemetryTap tap) {
    this.io = io;
    this.data = data;
    this.failsafe = failsafe;
    this.tap = tap;
    this.frame = new TelemetryFrame(io.joints(), io.servo().channelCount());
  }

  @Override
  public void run(long nowNanos) {
    TelemetryFrame f = frame;
    f.sequence++;
    f.timeNanos = nowNanos;
    f.state = failsafe.state();
    f.conditions = failsafe.conditions();
    for (int i = 0; i < f.jointAngleRad.length; i++) {
      f.jointAngleRad[i] = data.encoders[i].angleRad;
      f.jointVelocityRadPerSec[i] = data.encoders[i].velocityRadPerSec;
      f.encoderFaultFlags[i] = data.encoders[i].faultFlags;
    }
    System.arraycopy(data.servo.commands, 0, f.commands, 0, f.commands.length);
    System.arraycopy(data.servo.pulseWidthUs, 0, f.pulseWidthUs, 0, f.pulseWidthUs.length);
    f.safeApplied = data.servo.safeApplied;
    f.servoFaultFlags = data.servo.faultFlags;
    f.imuPresent = io.imu() != null;
    if (f.imuPresent) {
      System.arraycopy(data.imu.gyroRadPerSec, 0, f.gyroRadPerSec, 0, 3);
      System.arraycopy(data.imu.accelMps2, 0, f.accelMps2, 0, 3);
      f.imuFaultFlags = data.imu.faultFlags;
    }
    f.estopPressed = data.estop.pressed;
    f.lawSteps = data.lawSteps;
    f.lawFaultFlags = data.lawFaultFlags;
    tap.offer(f);
  }
}
