package io.ganglion.firmware.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.encoder.As5600Config;
import io.ganglion.drivers.gpio.EStopConfig;
import io.ganglion.drivers.gpio.Pull;
import io.ganglion.drivers.gpio.StatusLedConfig;
import io.ganglion.drivers.i2c.I2cMuxChannel;
import io.ganglion.drivers.imu.Mpu6050Config;
import io.ganglion.drivers.servo.Pca9685Config;
import io.ganglion.drivers.servo.Pca9685Registers;
import io.ganglion.drivers.servo.ServoChannelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The device sections of a board file: {@code pwm}, {@code joints} (each with its
 * {@code encoder}), {@code imu}, {@code estop}, {@code status_led}. Fields are checked one by one
 * with precise paths; the drivers' config records are built from the fields that passed.
 */
final class DeviceSections {

  /** One joint as read, with its encoder; null fields failed their checks. */
  static final class Joint {
    String path;
    String name;
    Integer channel;
    Double minPulseUs;
    Double maxPulseUs;
    Integer direction;
    double limitMin = -1;
    double limitMax = 1;
    boolean limitsOk = true;
    Double safe;
    ServoChannelConfig config;
    // encoder
    String encoderPath;
    Integer encoderBus;
    Integer encoderAddress;
    Integer muxAddress;
    Integer muxChannel;
    As5600Config encoder;
  }

  /** A named device, for the uniqueness check. */
  record Named(String name, String path) {}

  private static final String[] PWM_KEYS = {"name", "bus", "address", "frequency_hz", "oscillator_hz"};
  private static final String[] JOINT_KEYS = {
    "name", "channel", "min_pulse_us", "max_pulse_us", "direction", "limits", "safe", "encoder"
  };
  private static final String[] ENCODER_KEYS = {"bus", "address", "mux", "zero_offset_rad", "direction"};
  private static final String[] MUX_KEYS = {"address", "channel"};
  private static final String[] IMU_KEYS = {
    "name", "bus", "address", "accel_range_g", "gyro_range_dps", "dlpf", "sample_rate_divider", "stuck_reads"
  };
  private static final String[] ESTOP_KEYS = {"name", "pin", "active_high", "pull", "press_samples", "release_samples"};
  private static final String[] LED_KEYS = {"name", "pin", "active_high"};

  private final YamlObject top;
  private final ConfigErrors errors;
  final List<Named> names = new ArrayList<>();
  final List<Joint> joints = new ArrayList<>();
  String pwmName;
  Integer pwmBus;
  Integer pwmAddress;
  Double pwmFrequencyHz;
  Double pwmOscillatorHz;
  boolean jointsOk;
  Mpu6050Config imu;
  boolean imuPresent;
  EStopConfig estop;
  StatusLedConfig statusLed;
  private Pca9685Config pwmConfig;

  DeviceSections(YamlObject top, ConfigErrors errors) {
    this.top = top;
    this.errors = errors;
  }

  void read() {
    readPwm();
    readJoints();
    readImu();
    readEstop();
    readLed();
    buildPwm();
  }

  int jointCount() {
    return jointsOk ? joints.size() : -1;
  }

  private String name(YamlObject o, String dflt) {
    String n = o.string("name", BoardConfigLoader.NAME_REGEX, BoardConfigLoader.NAME_RULE, dflt);
    if (n != null) {
      names.add(new Named(n, o.at("name")));
    }
    return n;
  }

  private void readPwm() {
    YamlObject o = top.object("pwm", true, "the PCA9685 that drives the joints, e.g. {bus: 1, address: 0x40,"
        + " frequency_hz: 50}", PWM_KEYS);
    if (o == null) {
      return;
    }
    pwmName = name(o, "pca9685");
    pwmBus = o.integer("bus", 0, 255, null, "the Linux I2C bus number (/dev/i2c-N; 1 on the Raspberry Pi header)");
    pwmAddress = o.address("address", 0x40, 0x7F, Pca9685Config.DEFAULT_ADDRESS, "PCA9685 addresses are 0x40..0x7F");
    pwmOscillatorHz = o.number("oscillator_hz", 1e6, 50e6, Pca9685Registers.INTERNAL_OSCILLATOR_HZ,
        "25 MHz internal oscillator, up to 50 MHz on EXTCLK");
    pwmFrequencyHz = o.number("frequency_hz", 24, 1526, null, "PWM frequency; analog servos and ESCs use 50 Hz");
    if (pwmFrequencyHz != null && pwmOscillatorHz != null) {
      int prescale = Pca9685Registers.prescaleFor(pwmFrequencyHz, pwmOscillatorHz);
      if (prescale < Pca9685Registers.MIN_PRESCALE || prescale > Pca9685Registers.MAX_PRESCALE) {
        errors.add(o.at("frequency_hz"), YamlObject.fmt(pwmFrequencyHz) + " Hz needs PRE_SCALE " + prescale
            + " with a " + YamlObject.fmt(pwmOscillatorHz) + " Hz oscillator; PRE_SCALE must be 3..255");
        pwmFrequencyHz = null;
      }
    }
  }

  private double periodUs() {
    int prescale = Pca9685Registers.prescaleFor(pwmFrequencyHz, pwmOscillatorHz);
    return 1e6 / Pca9685Registers.frequencyFor(prescale, pwmOscillatorHz);
  }

  private void readJoints() {
    List<JsonNode> list = top.list("joints", true, 1, 16, "one entry per PWM channel (a PCA9685 has 16)");
    if (list == null) {
      return;
    }
    jointsOk = true;
    for (int i = 0; i < list.size(); i++) {
      String path = "joints[" + i + "]";
      YamlObject o = YamlObject.of(list.get(i), path, errors, JOINT_KEYS);
      if (o == null) {
        jointsOk = false;
        continue;
      }
      joints.add(readJoint(o, path));
    }
  }

  private Joint readJoint(YamlObject o, String path) {
    Joint j = new Joint();
    j.path = path;
    j.name = name(o, null);
    j.channel = o.integer("channel", 0, 15, null, "PCA9685 output 0..15");
    j.minPulseUs = o.number("min_pulse_us", 0, 100_000, null, "pulse width at command -1, e.g. 1000");
    j.maxPulseUs = o.number("max_pulse_us", 0, 100_000, null, "pulse width at command +1, e.g. 2000");
    if (j.minPulseUs != null && j.maxPulseUs != null && !(j.maxPulseUs > j.minPulseUs)) {
      errors.add(o.at("max_pulse_us"), YamlObject.fmt(j.maxPulseUs) + " must be greater than min_pulse_us ("
          + YamlObject.fmt(j.minPulseUs) + ")");
      j.maxPulseUs = null;
    }
    if (j.maxPulseUs != null && pwmFrequencyHz != null && pwmOscillatorHz != null && j.maxPulseUs > periodUs()) {
      errors.add(o.at("max_pulse_us"), YamlObject.fmt(j.maxPulseUs) + " us is longer than the PWM period ("
          + String.format(java.util.Locale.ROOT, "%.1f", periodUs()) + " us at pwm.frequency_hz "
          + YamlObject.fmt(pwmFrequencyHz) + ")");
      j.maxPulseUs = null;
    }
    j.direction = direction(o, "direction", "1, or -1 for a mirrored joint (swaps the pulse range)");
    readLimits(o, j);
    j.safe = o.number("safe", -1, 1, null, "the command the failsafe drives, in [-1, 1] (e.g. 0: no drive)");
    if (j.safe != null && j.limitsOk && (j.safe < j.limitMin || j.safe > j.limitMax)) {
      errors.add(o.at("safe"), YamlObject.fmt(j.safe) + " is outside the joint's limits [" + YamlObject.fmt(j.limitMin)
          + ", " + YamlObject.fmt(j.limitMax) + "]");
      j.safe = null;
    }
    if (j.name != null && j.channel != null && j.minPulseUs != null && j.maxPulseUs != null && j.direction != null
        && j.limitsOk && j.safe != null) {
      try {
        j.config = new ServoChannelConfig(j.name, j.channel, j.minPulseUs, j.maxPulseUs, j.direction, -1, 1,
            j.limitMin, j.limitMax, j.safe);
      } catch (InvalidInputException e) {
        errors.add(path, e.getMessage());
      }
    }
    readEncoder(o, j);
    return j;
  }

  private void readLimits(YamlObject o, Joint j) {
    List<JsonNode> limits = o.list("limits", false, 2, 2, "[min, max] commands allowed, within [-1, 1]");
    if (limits == null) {
      j.limitsOk = !o.has("limits");
      return;
    }
    Double lo = o.checkNumber(limits.get(0), o.at("limits") + "[0]", -1, 1, "");
    Double hi = o.checkNumber(limits.get(1), o.at("limits") + "[1]", -1, 1, "");
    if (lo == null || hi == null) {
      j.limitsOk = false;
      return;
    }
    if (lo > hi) {
      errors.add(o.at("limits"), "[" + YamlObject.fmt(lo) + ", " + YamlObject.fmt(hi) + "] must be [min, max] with min <= max");
      j.limitsOk = false;
      return;
    }
    j.limitMin = lo;
    j.limitMax = hi;
  }

  private Integer direction(YamlObject o, String key, String hint) {
    Integer d = o.integer(key, -1, 1, 1, hint);
    if (d != null && d == 0) {
      errors.add(o.at(key), "0 is not allowed; use " + hint);
      return null;
    }
    return d;
  }

  private void readEncoder(YamlObject joint, Joint j) {
    YamlObject o = joint.object("encoder", true, "every joint needs its AS5600, e.g. {bus: 1, mux: {address: 0x70,"
        + " channel: 0}}: the law reads the joint's angle", ENCODER_KEYS);
    if (o == null) {
      return;
    }
    j.encoderPath = o.path();
    j.encoderBus = o.integer("bus", 0, 255, null, "the Linux I2C bus number");
    j.encoderAddress = o.address("address", 0x08, 0x77, 0x36, "the AS5600 is fixed at 0x36 (AS5600L: 0x40)");
    Double zero = o.number("zero_offset_rad", -2 * Math.PI, 2 * Math.PI, 0.0, "the raw angle that reads as 0");
    Integer dir = direction(o, "direction", "1, or -1 when the angle grows the other way");
    boolean muxOk = true;
    YamlObject mux = o.object("mux", false, "", MUX_KEYS);
    if (mux != null) {
      j.muxAddress = mux.address("address", 0x70, 0x77, null, "TCA9548A addresses are 0x70..0x77");
      j.muxChannel = mux.integer("channel", 0, 7, null, "TCA9548A channels are 0..7");
      muxOk = j.muxAddress != null && j.muxChannel != null;
    } else if (o.has("mux")) {
      muxOk = false;
    }
    if (j.name != null && j.encoderBus != null && j.encoderAddress != null && zero != null && dir != null && muxOk) {
      try {
        I2cMuxChannel m = j.muxAddress == null ? null : new I2cMuxChannel(j.muxAddress, j.muxChannel);
        j.encoder = new As5600Config(j.name, j.encoderBus, j.encoderAddress, m, zero, dir);
      } catch (InvalidInputException e) {
        errors.add(o.path(), e.getMessage());
      }
    }
  }

  private void readImu() {
    YamlObject o = top.object("imu", false, "", IMU_KEYS);
    imuPresent = top.has("imu");
    if (o == null) {
      return;
    }
    String name = name(o, "imu");
    Integer bus = o.integer("bus", 0, 255, null, "the Linux I2C bus number");
    Integer address = o.address("address", 0x68, 0x69, 0x68, "0x68 (AD0 low) or 0x69 (AD0 high)");
    Integer accel = oneOf(o, "accel_range_g", 4, 2, 4, 8, 16);
    Integer gyro = oneOf(o, "gyro_range_dps", 500, 250, 500, 1000, 2000);
    Integer dlpf = o.integer("dlpf", 0, 6, 3, "CONFIG.DLPF_CFG: 0 = 260 Hz .. 6 = 5 Hz bandwidth");
    Integer divider = o.integer("sample_rate_divider", 0, 255, 0, "sample rate = 1 kHz / (1 + divider) with the DLPF on");
    Integer stuck = o.integer("stuck_reads", 2, 1_000_000, 200, "identical frames in a row that mean a hung sensor");
    if (name != null && bus != null && address != null && accel != null && gyro != null && dlpf != null
        && divider != null && stuck != null) {
      try {
        imu = new Mpu6050Config(name, bus, address, accel, gyro, dlpf, divider, stuck);
      } catch (InvalidInputException e) {
        errors.add(o.path(), e.getMessage());
      }
    }
  }

  private Integer oneOf(YamlObject o, String key, int dflt, int... allowed) {
    Integer v = o.integer(key, allowed[0], allowed[allowed.length - 1], dflt, "");
    if (v == null) {
      return null;
    }
    for (int a : allowed) {
      if (a == v) {
        return v;
      }
    }
    StringBuilder b = new StringBuilder();
    for (int a : allowed) {
      b.append(b.length() == 0 ? "" : ", ").append(a);
    }
    errors.add(o.at(key), v + " is not allowed; use one of " + b);
    return null;
  }

  private void readEstop() {
    YamlObject o = top.object("estop", true, "the e-stop input, e.g. {pin: 17} (normally-closed contact to GND,"
        + " pull-up); a robot without one cannot be stopped safely", ESTOP_KEYS);
    if (o == null) {
      return;
    }
    String name = name(o, "estop");
    Integer pin = o.integer("pin", 0, 27, null, "a BCM GPIO number 0..27 of the 40-pin header (not the physical pin)");
    Boolean activeHigh = o.bool("active_high", true);
    Pull pull = o.choice("pull", Map.of("none", Pull.NONE, "up", Pull.UP, "down", Pull.DOWN), Pull.UP);
    Integer press = o.integer("press_samples", 1, 100_000, 3, "loop ticks of the servo task");
    Integer release = o.integer("release_samples", 1, 100_000, 50, "loop ticks of the servo task");
    if (name != null && pin != null && activeHigh != null && pull != null && press != null && release != null) {
      estop = new EStopConfig(name, pin, activeHigh, pull, press, release);
    }
  }

  private void readLed() {
    YamlObject o = top.object("status_led", false, "", LED_KEYS);
    if (o == null) {
      return;
    }
    String name = name(o, "status");
    Integer pin = o.integer("pin", 0, 27, null, "a BCM GPIO number 0..27");
    Boolean activeHigh = o.bool("active_high", true);
    if (name != null && pin != null && activeHigh != null) {
      statusLed = new StatusLedConfig(name, pin, activeHigh);
    }
  }

  private void buildPwm() {
    if (pwmName == null || pwmBus == null || pwmAddress == null || pwmFrequencyHz == null || pwmOscillatorHz == null
        || !jointsOk) {
      return;
    }
    List<ServoChannelConfig> channels = new ArrayList<>();
    for (Joint j : joints) {
      if (j.config == null) {
        return;
      }
      channels.add(j.config);
    }
    try {
      pwmConfig = new Pca9685Config(pwmName, pwmBus, pwmAddress, pwmFrequencyHz, pwmOscillatorHz, channels);
    } catch (InvalidInputException e) {
      // duplicates are reported with paths by BoardChecks; anything else lands here
      if (!e.getMessage().contains("used twice")) {
        errors.add("pwm", e.getMessage());
      }
    }
  }

  Pca9685Config pwmConfig() {
    return pwmConfig;
  }

  List<As5600Config> encoderConfigs() {
    List<As5600Config> list = new ArrayList<>();
    for (Joint j : joints) {
      list.add(j.encoder);
    }
    return list;
  }
}
