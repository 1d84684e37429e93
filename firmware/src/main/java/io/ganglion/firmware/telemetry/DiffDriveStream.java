package io.ganglion.firmware.telemetry;

import io.ganglion.firmware.runtime.PeriodicTask;
import io.ganglion.sim.diffdrive.DiffDriveState;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.publish.SampleWriter;
import io.ganglion.telemetry.publish.TelemetryTap;

/**
 * A simulated differential-drive robot's world stream {@code pose} (id 11): {@code x_m},
 * {@code y_m}, {@code heading_rad}, {@code v_m_s}, {@code w_rad_s}, {@code path_m}. A loop task;
 * allocation-free.
 */
public final class DiffDriveStream implements PeriodicTask {

  /** The stream. */
  public static final StreamSchema SCHEMA = StreamSchema.builder(11, "pose").f64("x_m").f64("y_m").f64("heading_rad")
      .f64("v_m_s").f64("w_rad_s").f64("path_m").build();

  private final DiffDriveState state;
  private final TelemetryTap out;
  private final int stream;

  public DiffDriveStream(DiffDriveState state, TelemetryTap out) {
    this.state = state;
    this.out = out;
    this.stream = out.streamIndex(SCHEMA.name());
  }

  @Override
  public void run(long nowNanos) {
    SampleWriter w = out.claim(stream, nowNanos / 1_000);
    if (w != null) {
      w.putDouble(0, state.xM()).putDouble(1, state.yM()).putDouble(2, state.headingRad()).putDouble(3, state.vMS())
          .putDouble(4, state.wRadS()).putDouble(5, state.pathLengthM()).commit();
    }
  }
}
