package io.ganglion.firmware.world;

import io.ganglion.drivers.encoder.As5600Config;
import io.ganglion.drivers.fake.FakeAs5600;
import io.ganglion.drivers.fake.FakeMpu6050;
import io.ganglion.drivers.fake.FakePca9685;
import io.ganglion.drivers.servo.ServoChannelConfig;
import io.ganglion.sim.swimmer.SwimmerConfig;
import io.ganglion.sim.swimmer.SwimmerHead;
import io.ganglion.sim.swimmer.SwimmerModel;
import io.ganglion.sim.swimmer.SwimmerPhysics;
import io.ganglion.sim.swimmer.SwimmerSensors;
import io.ganglion.sim.swimmer.SwimmerState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The swimmer physics behind a mock swimmer board. Every physics step (2 ms):
 *
 * <ol>
 *   <li>each hinge motor's control is the fake PCA9685's pulse width on the joint's channel,
 *       decoded back to [-1, 1] ({@link PulseDecoder});
 *   <li>one physics step of {@code sim}'s swimmer;
 *   <li>each fake AS5600 is set to its joint's angle, through the inverse of the encoder's mapping
 *       (raw angle = direction q + zero offset, quantised to 12 bits by the chip);
 *   <li>the fake MPU-6050 reads the head's yaw rate and specific force (plus seeded noise).
 * </ol>
 * So the firmware's NCAP law, through the real drivers and the chip fakes, makes the mock swimmer
 * swim. Allocation-free per step.
 */
public final class SwimmerMockWorld implements MockWorld {

  private final SwimmerState state;
  private final SwimmerHead head;
  private final FakePca9685 pwm;
  private final ServoChannelConfig[] channels;
  private final FakeAs5600[] encoders;
  private final As5600Config[] encoderConfigs;
  private final FakeMpu6050 imu;
  private final ImuNoise noise;
  private final double[] ctrl;
  private final double[] force = new double[3];
  private final long periodNanos;
  private final double startNoseX;
  private final double startNoseY;
  private long steps;

  public SwimmerMockWorld(SwimmerConfig model, FakePca9685 pwm, List<ServoChannelConfig> channels,
      List<FakeAs5600> encoders, List<As5600Config> encoderConfigs, FakeMpu6050 imu, long seed) {
    this.state = new SwimmerState(new SwimmerModel(model));
    this.head = new SwimmerHead(state);
    this.pwm = pwm;
    this.channels = channels.toArray(new ServoChannelConfig[0]);
    this.encoders = encoders.toArray(new FakeAs5600[0]);
    this.encoderConfigs = encoderConfigs.toArray(new As5600Config[0]);
    this.imu = imu;
    this.noise = new ImuNoise(seed);
    this.ctrl = new double[state.model().joints()];
    if (this.channels.length != ctrl.length || this.encoders.length != ctrl.length) {
      throw new IllegalArgumentException("the swimmer has " + ctrl.length + " joints; the board "
          + this.channels.length + " channels and " + this.encoders.length + " encoders");
    }
    this.periodNanos = Math.round(model.timestepS() * 1e9);
    this.startNoseX = SwimmerSensors.noseX(state);
    this.startNoseY = SwimmerSensors.noseY(state);
    writeSensors();
  }

  /** The simulated swimmer. */
  public SwimmerState state() {
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
    for (int j = 0; j < ctrl.length; j++) {
      ctrl[j] = PulseDecoder.command(pwm.pulseWidthUs(channels[j].channel()), channels[j]);
    }
    if (SwimmerPhysics.controlStep(state, ctrl, 1)) {
      steps++;
    }
    writeSensors();
  }

  private void writeSensors() {
    for (int j = 0; j < encoders.length; j++) {
      As5600Config c = encoderConfigs[j];
      encoders[j].setAngleRad(c.direction() * SwimmerSensors.jointAngleRad(state, j) + c.zeroOffsetRad());
    }
    if (imu != null) {
      head.specificForce(force);
      noise.write(imu, head.yawRateRadPerSec(), force);
    }
  }

  @Override
  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", "swimmer");
    m.put("links", state.model().bodies());
    m.put("physics_steps", steps);
    m.put("simulated_s", state.timeS());
    m.put("nose_distance_m", Math.hypot(SwimmerSensors.noseX(state) - startNoseX, SwimmerSensors.noseY(state) - startNoseY));
    m.put("final_nose_x", SwimmerSensors.noseX(state));
    m.put("final_nose_y", SwimmerSensors.noseY(state));
    m.put("physics_fault", state.faultMessage());
    return m;
  }

  @Override
  public String describe() {
    Map<String, Object> m = summary();
    return String.format(Locale.ROOT, "mock swimmer%d: %.1f s simulated, nose moved %.3f m to (%.3f, %.3f)",
        state.model().bodies(), state.timeS(), (Double) m.get("nose_distance_m"), SwimmerSensors.noseX(state),
        SwimmerSensors.noseY(state));
  }
}
