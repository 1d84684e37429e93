package io.ganglion.firmware.telemetry;

import io.ganglion.firmware.tap.TelemetryFrame;
import io.ganglion.firmware.tap.TelemetryTap;
import io.ganglion.telemetry.publish.SampleWriter;

/**
 * The runtime's {@link TelemetryTap} writing each frame into the MQTT publisher's ring as one
 * sample of each {@link FrameStreams} stream, stamped with the loop time in us (board clock;
 * simulated time in a simulation). Allocation-free, never blocks: a full ring drops and counts.
 */
public final class MqttTelemetryTap implements TelemetryTap {

  private final io.ganglion.telemetry.publish.TelemetryTap out;
  private final int joints;
  private final int commands;
  private final int state;
  private final int imu;

  /** @param out the publisher (loop side), with the streams of {@link FrameStreams#of} */
  public MqttTelemetryTap(io.ganglion.telemetry.publish.TelemetryTap out) {
    this.out = out;
    this.joints = out.streamIndex("joints");
    this.commands = out.streamIndex("commands");
    this.state = out.streamIndex("state");
    this.imu = out.streamIndex("imu");
    if (joints < 0 || commands < 0 || state < 0) {
      throw new IllegalArgumentException("the publisher lacks the joints/commands/state streams");
    }
  }

  @Override
  public void offer(TelemetryFrame f) {
    long tUs = f.timeNanos / 1_000;
    SampleWriter w = out.claim(joints, tUs);
    if (w != null) {
      for (int i = 0; i < f.jointAngleRad.length; i++) {
        w.putDouble(2 * i, f.jointAngleRad[i]).putDouble(2 * i + 1, f.jointVelocityRadPerSec[i]);
      }
      w.commit();
    }
    w = out.claim(commands, tUs);
    if (w != null) {
      for (int i = 0; i < f.commands.length; i++) {
        w.putDouble(2 * i, f.commands[i]).putDouble(2 * i + 1, f.pulseWidthUs[i]);
      }
      w.commit();
    }
    w = out.claim(state, tUs);
    if (w != null) {
      w.putLong(0, f.state.ordinal()).putLong(1, f.conditions).putLong(2, f.lawSteps).putLong(3, f.lawFaultFlags)
          .putLong(4, f.estopPressed ? 1 : 0).putLong(5, f.safeApplied ? 1 : 0).commit();
    }
    if (imu >= 0 && f.imuPresent) {
      w = out.claim(imu, tUs);
      if (w != null) {
        w.putDouble(0, f.gyroRadPerSec[0]).putDouble(1, f.gyroRadPerSec[1]).putDouble(2, f.gyroRadPerSec[2])
            .putDouble(3, f.accelMps2[0]).putDouble(4, f.accelMps2[1]).putDouble(5, f.accelMps2[2]).commit();
      }
    }
  }
}
