package io.ganglion.firmware.core;

import io.ganglion.firmware.failsafe.Failsafe;
import io.ganglion.firmware.failsafe.FailsafeReason;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.law.LawInputs;
import io.ganglion.firmware.runtime.PeriodicTask;

/**
 * Steps the control law: copies the latest encoder and IMU values into the law's inputs, checks
 * that every one of them is finite (NaN or infinity must never reach the fixed-point conversion,
 * where it would silently become 0), steps the law, and checks its commands. Owns the failsafe's
 * controller slot: {@code CONTROLLER_FAULT} while the law's last step raised fault flags,
 * {@code NON_FINITE} while an input or a command is not finite (the law is then not stepped, or
 * its commands are not used). The law runs whatever the arming state, so its internal state (the
 * NCAP oscillator) keeps time.
 */
final class ControllerTask implements PeriodicTask {

  private final RobotIo io;
  private final LoopData data;
  private final ControlLaw law;
  private final Failsafe failsafe;
  private final double[] stepCommands;
  private final String[] jointSources;
  private final String imuSource;
  private final String lawSource;

  ControllerTask(RobotIo io, LoopData data, ControlLaw law, Failsafe failsafe) {
    this.io = io;
    this.data = data;
    this.law = law;
    this.failsafe = failsafe;
    this.stepCommands = new double[law.commandCount()];
    this.jointSources = new String[io.joints()];
    for (int i = 0; i < jointSources.length; i++) {
      jointSources[i] = "encoder '" + io.encoderName(i) + "'";
    }
    this.imuSource = "imu '" + io.imuName() + "'";
    this.lawSource = "law '" + law.name() + "'";
  }

  @Override
  public void run(long nowNanos) {
    LawInputs in = data.lawInputs;
    String bad = null;
    for (int i = 0; i < in.jointAngleRad.length; i++) {
      var e = data.encoders[i];
      in.jointAngleRad[i] = e.angleRad;
      in.jointPositionRad[i] = e.positionRad;
      in.jointVelocityRadPerSec[i] = e.velocityRadPerSec;
      in.jointValid[i] = e.valid;
      if (bad == null && !(Double.isFinite(e.angleRad) && Double.isFinite(e.positionRad)
          && Double.isFinite(e.velocityRadPerSec))) {
        bad = jointSources[i];
      }
    }
    if (io.imu() != null) {
      in.imuValid = data.imu.valid;
      for (int a = 0; a < 3; a++) {
        in.gyroRadPerSec[a] = data.imu.gyroRadPerSec[a];
        in.accelMps2[a] = data.imu.accelMps2[a];
        if (bad == null && !(Double.isFinite(data.imu.gyroRadPerSec[a]) && Double.isFinite(data.imu.accelMps2[a]))) {
          bad = imuSource;
        }
      }
    }
    if (bad != null) {
      failsafe.report(Failsafe.OWNER_CONTROLLER, FailsafeReason.NON_FINITE.bit(), nowNanos, bad, 0);
      return;
    }
    in.step = data.lawSteps;
    in.timeNanos = nowNanos;
    int faults = law.step(in, stepCommands);
    data.lawSteps++;
    data.lawFaultFlags = faults;
    boolean finite = true;
    for (int i = 0; i < stepCommands.length; i++) {
      finite &= Double.isFinite(stepCommands[i]);
    }
    int bits = faults != 0 ? FailsafeReason.CONTROLLER_FAULT.bit() : 0;
    if (finite) {
      System.arraycopy(stepCommands, 0, data.lawCommands, 0, stepCommands.length);
    } else {
      bits |= FailsafeReason.NON_FINITE.bit();
    }
    failsafe.report(Failsafe.OWNER_CONTROLLER, bits, nowNanos, lawSource, faults);
  }
}
