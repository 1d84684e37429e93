package io.ganglion.firmware.world;

import io.ganglion.drivers.encoder.As5600Config;
import io.ganglion.drivers.fake.FakeAs5600;
import io.ganglion.drivers.fake.FakeMpu6050;
import io.ganglion.drivers.fake.FakePca9685;
import io.ganglion.drivers.servo.ServoChannelConfig;
import io.ganglion.sim.diffdrive.DiffDriveConfig;
import io.ganglion.sim.diffdrive.DiffDrivePhysics;
import io.ganglion.sim.diffdrive.DiffDriveState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The differential-drive model behind a mock board: wheel commands decoded from the fake PCA9685's
 * pulses (joints[0] left, joints[1] right), one step of the unicycle model, wheel angles into the
 * fake AS5600s (through the inverse of each encoder's mapping), yaw rate and specific force into
 * the fake MPU-6050 (plus seeded noise). Allocation-free per step.
 */
public final class DiffDriveMockWorld implements MockWorld {

  private final DiffDriveState state;
  private final FakePca9685 pwm;
  private final ServoChannelConfig[] channels;
  private final FakeAs5600[] encoders;
  private final As5600Config[] encoderConfigs;
  private final FakeMpu6050 imu;
  private final ImuNoise noise;
  private final double[] force = new double[3];
  private final long periodNanos;

  public DiffDriveMockWorld(DiffDriveConfig model, FakePca9685 pwm, List<ServoChannelConfig> channels,
      List<FakeAs5600> encoders, List<As5600Config> encoderConfigs, FakeMpu6050 imu, long seed) {
    if (channels.size() != 2 || encoders.size() != 2) {
      throw new IllegalArgumentException("a differential drive needs 2 channels and 2 encoders");
    }
    this.state = new DiffDriveState(model);
    this.pwm = pwm;
    this.channels = channels.toArray(new ServoChannelConfig[0]);
    this.encoders = encoders.toArray(new FakeAs5600[0]);
    this.encoderConfigs = encoderConfigs.toArray(new As5600Config[0]);
    this.imu = imu;
    this.noise = new ImuNoise(seed);
    this.periodNanos = Math.round(model.timestepS() * 1e9);
    writeSensors();
  }

  /** The simulated robot. */
  public DiffDriveState state() {
    return state;
  }

  @Override
  public String name() {
    return "world";
  }

  @Override
  public long periodNanos() {
    return periodNanos;
  }

  @Override
  public void run(long nowNanos) {
    double[] cmd = state.wheelCommand();
    for (int i = 0; i < 2; i++) {
      cmd[i] = PulseDecoder.command(pwm.pulseWidthUs(channels[i].channel()), channels[i]);
    }
    DiffDrivePhysics.step(state);
    writeSensors();
  }

  private void writeSensors() {
    for (int i = 0; i < 2; i++) {
      As5600Config c = encoderConfigs[i];
      encoders[i].setAngleRad(c.direction() * state.jointPositionRad(i) + c.zeroOffsetRad());
    }
    if (imu != null) {
      state.specificForce(force);
      noise.write(imu, state.yawRateRadPerSec(), force);
    }
  }

  @Override
  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", "diffdrive");
    m.put("physics_steps", state.steps());
    m.put("simulated_s", state.timeS());
    m.put("final_x_m", state.xM());
    m.put("final_y_m", state.yM());
    m.put("final_heading_deg", state.headingDeg());
    m.put("path_length_m", state.pathLengthM());
    return m;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "mock diffdrive: %.1f s simulated, drove %.3f m to (%.3f, %.3f), heading %.1f deg",
        state.timeS(), state.pathLengthM(), state.xM(), state.yM(), state.headingDeg());
  }
}
