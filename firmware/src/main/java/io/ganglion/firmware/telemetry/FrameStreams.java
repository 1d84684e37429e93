package io.ganglion.firmware.telemetry;

import io.ganglion.telemetry.protocol.StreamSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The telemetry streams a board publishes from its {@code TelemetryFrame}, SI units in the field
 * names:
 *
 * <ul>
 *   <li>{@code joints} (id 1): {@code q<i>_rad} (encoder angle), {@code qdot<i>_rad_s}, per joint;
 *   <li>{@code commands} (id 2): {@code u<i>} (command applied, [-1, 1]), {@code pulse<i>_us}, per channel;
 *   <li>{@code state} (id 3): {@code arm_state} (0 disarmed, 1 armed, 2 failsafe), {@code conditions}
 *       (failsafe bits), {@code law_steps}, {@code law_faults}, {@code estop} (1 pressed), {@code safe} (1 safe outputs);
 *   <li>{@code imu} (id 4, with an IMU): {@code gyro_{x,y,z}_rad_s}, {@code accel_{x,y,z}_m_s2}.
 * </ul>
 */
public final class FrameStreams {

  /** Stream id of {@code joints}. */
  public static final int JOINTS_ID = 1;

  private FrameStreams() {}

  /** The streams of a board with {@code joints} encoders, {@code channels} PWM outputs and maybe an IMU. */
  public static List<StreamSchema> of(int joints, int channels, boolean imu) {
    List<StreamSchema> list = new ArrayList<>();
    StreamSchema.Builder j = StreamSchema.builder(JOINTS_ID, "joints");
    for (int i = 0; i < joints; i++) {
      j.f64("q" + i + "_rad").f64("qdot" + i + "_rad_s");
    }
    list.add(j.build());
    StreamSchema.Builder c = StreamSchema.builder(2, "commands");
    for (int i = 0; i < channels; i++) {
      c.f64("u" + i).f32("pulse" + i + "_us");
    }
    list.add(c.build());
    list.add(StreamSchema.builder(3, "state").u8("arm_state").i32("conditions").i64("law_steps").i32("law_faults")
        .u8("estop").u8("safe").build());
    if (imu) {
      list.add(StreamSchema.builder(4, "imu").f64("gyro_x_rad_s").f64("gyro_y_rad_s").f64("gyro_z_rad_s")
          .f64("accel_x_m_s2").f64("accel_y_m_s2").f64("accel_z_m_s2").build());
    }
    return list;
  }
}
