package io.ganglion.firmware.core;

import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.drivers.gpio.EStopIO;
import io.ganglion.drivers.gpio.LedPattern;
import io.ganglion.drivers.gpio.StatusLedIO;
import io.ganglion.drivers.gpio.StatusLedInputs;
import io.ganglion.drivers.imu.ImuIO;
import io.ganglion.drivers.servo.ServoIO;
import java.util.ArrayList;
import java.util.List;

/**
 * The robot's hardware seams, as the firmware uses them: one PWM bank (the joints), one encoder
 * per joint (same order), an optional IMU, the e-stop and an optional status LED. Any of them can
 * be a Pi4J driver ({@code io.ganglion.firmware.board.Pi4jRobotIo}), a simulation
 * ({@code io.ganglion.sim.io}), or a hardware-in-the-loop or replay implementation: the loop does
 * not know which. {@link #close()} closes the resources given at construction (drivers, the Pi4J
 * context), last first.
 */
public final class RobotIo implements AutoCloseable {

  /** A status LED that does nothing (a board without one). */
  public static final StatusLedIO NO_LED = new StatusLedIO() {
    @Override
    public void setPattern(LedPattern pattern) {}

    @Override
    public void apply(long nowNanos) {}

    @Override
    public void updateInputs(StatusLedInputs inputs) {
      inputs.connected = true;
    }
  };

  private final ServoIO servo;
  private final EncoderIO[] encoders;
  private final String[] encoderNames;
  private final ImuIO imu;
  private final EStopIO estop;
  private final StatusLedIO led;
  private final List<AutoCloseable> resources;
  private final String servoName;
  private final String imuName;
  private final String estopName;

  /**
   * @param servoName names of the devices, for failsafe events and reports
   * @param encoderNames one per encoder
   * @param imu null when the robot has none
   * @param led null when the robot has none
   * @param resources closed by {@link #close()} in reverse order
   */
  public RobotIo(ServoIO servo, String servoName, List<? extends EncoderIO> encoders, List<String> encoderNames,
      ImuIO imu, String imuName, EStopIO estop, String estopName, StatusLedIO led, List<? extends AutoCloseable> resources) {
    if (servo == null || estop == null || encoders == null) {
      throw new IllegalArgumentException("a robot needs a servo bank, encoders and an e-stop");
    }
    if (encoderNames.size() != encoders.size()) {
      throw new IllegalArgumentException("one name per encoder");
    }
    if (encoders.size() != servo.channelCount()) {
      throw new IllegalArgumentException("one encoder per joint: " + encoders.size() + " encoders for "
          + servo.channelCount() + " PWM channels");
    }
    this.servo = servo;
    this.servoName = servoName;
    this.encoders = encoders.toArray(new EncoderIO[0]);
    this.encoderNames = encoderNames.toArray(new String[0]);
    this.imu = imu;
    this.imuName = imuName;
    this.estop = estop;
    this.estopName = estopName;
    this.led = led == null ? NO_LED : led;
    this.resources = new ArrayList<>(resources);
  }

  public ServoIO servo() {
    return servo;
  }

  public String servoName() {
    return servoName;
  }

  /** Number of joints (PWM channels = encoders). */
  public int joints() {
    return encoders.length;
  }

  public EncoderIO encoder(int joint) {
    return encoders[joint];
  }

  public String encoderName(int joint) {
    return encoderNames[joint];
  }

  /** The IMU, or null. */
  public ImuIO imu() {
    return imu;
  }

  public String imuName() {
    return imuName;
  }

  public EStopIO estop() {
    return estop;
  }

  public String estopName() {
    return estopName;
  }

  /** The status LED ({@link #NO_LED} when there is none). */
  public StatusLedIO led() {
    return led;
  }

  /** Closes every resource, last first; returns the first failure's message or null (never throws). */
  public String closeQuietly() {
    String first = null;
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        if (first == null) {
          first = e.toString();
        }
      }
    }
    resources.clear();
    return first;
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
