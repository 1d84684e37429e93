package io.ganglion.firmware.telemetry;

import io.ganglion.firmware.runtime.PeriodicTask;
import io.ganglion.sim.swimmer.SwimmerSensors;
import io.ganglion.sim.swimmer.SwimmerState;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.publish.SampleWriter;
import io.ganglion.telemetry.publish.TelemetryTap;

/**
 * A simulated swimmer's world stream {@code swimmer} (id 10): {@code nose_x_m}, {@code nose_y_m},
 * {@code head_yaw_rad}, {@code head_speed_m_s} (forward speed of the head), {@code distance_m} (nose
 * from its start), at the control instant. A loop task; allocation-free.
 */
public final class SwimmerStream implements PeriodicTask {

  /** The stream. */
  public static final StreamSchema SCHEMA = StreamSchema.builder(10, "swimmer").f64("nose_x_m").f64("nose_y_m")
      .f64("head_yaw_rad").f64("head_speed_m_s").f64("distance_m").build();

  private final SwimmerState state;
  private final TelemetryTap out;
  private final int stream;
  private final double startX;
  private final double startY;

  public SwimmerStream(SwimmerState state, TelemetryTap out) {
    this.state = state;
    this.out = out;
    this.stream = out.streamIndex(SCHEMA.name());
    this.startX = SwimmerSensors.noseX(state);
    this.startY = SwimmerSensors.noseY(state);
  }

  @Override
  public void run(long nowNanos) {
    SampleWriter w = out.claim(stream, nowNanos / 1_000);
    if (w != null) {
      double x = SwimmerSensors.noseX(state);
      double y = SwimmerSensors.noseY(state);
      w.putDouble(0, x).putDouble(1, y).putDouble(2, SwimmerSensors.headYawRad(state))
          .putDouble(3, SwimmerSensors.headForwardSpeedMS(state)).putDouble(4, Math.hypot(x - startX, y - startY)).commit();
    }
  }
}
