package io.ganglion.firmware.config;

import static io.ganglion.firmware.config.ConfigText.VALID;
import static io.ganglion.firmware.config.ConfigText.contains;
import static io.ganglion.firmware.config.ConfigText.errors;
import static io.ganglion.firmware.config.ConfigText.single;
import static io.ganglion.firmware.config.ConfigText.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per kind of mistake a board file can contain: each names its field path and what is allowed. */
class BoardConfigValidationTest {

  @Test
  void yamlSyntaxErrorsGiveTheLineAndColumn() {
    String e = single("board: x\ntasks: [1, 2\nlaw: {}\n", "", "line 3", "not valid YAML");
    assertTrue(e.startsWith("line 3, column"), e);
  }

  @Test
  void duplicateKeysAreRefused() {
    single(VALID + "board: again\n", "", "duplicate key 'board'", "line");
  }

  @Test
  void anEmptyFileSaysWhatIsNeeded() {
    single("# nothing\n", "", "the file is empty", "board, tasks, law, pwm, joints and estop");
  }

  @Test
  void unknownKeysAreErrorsWithASuggestion() {
    single(with("imu: { bus: 1 }", "imu: { bus: 1, gyro_range_dsp: 500 }"), "imu.gyro_range_dsp",
        "unknown key", "did you mean 'gyro_range_dps'?", "allowed here:");
    single(VALID + "telemetri: {}\n", "telemetri", "unknown key", "did you mean 'telemetry'?");
    String far = single(VALID + "zzz: 1\n", "zzz", "unknown key");
    assertTrue(!far.contains("did you mean"), far);
  }

  @Test
  void missingRequiredKeysAreNamedWithAnExample() {
    single(with("estop: { pin: 17 }\n", ""), "estop", "is required", "{pin: 17}");
    single(with("  servo: { rate_hz: 1000 }\n", ""), "tasks.servo", "is required", "rate_hz");
    single(with("name: j1, channel: 1,", "name: j1,"), "joints[1].channel", "is required", "0..15");
  }

  @Test
  void wrongTypesSayWhatIsExpectedAndWhatWasGiven() {
    single(with("channel: 1,", "channel: \"1\","), "joints[1].channel", "must be a whole number", "got \"1\"");
    single(with("channel: 1,", "channel: 1.5,"), "joints[1].channel", "must be a whole number", "got 1.5");
    single(with("min_pulse_us: 1000, max_pulse_us: 2000, safe: 0,\n      encoder: { bus: 1, mux: { address: 0x70, channel: 1",
        "min_pulse_us: [1000], max_pulse_us: 2000, safe: 0,\n      encoder: { bus: 1, mux: { address: 0x70, channel: 1"),
        "joints[1].min_pulse_us", "must be a number", "got a list");
    single(with("estop: { pin: 17 }", "estop: { pin: 17, active_high: yes please }"), "estop.active_high",
        "must be true or false");
    single(with("imu: { bus: 1 }", "imu: [1]"), "imu", "must be a mapping");
  }

  @Test
  void outOfRangeValuesGiveTheAllowedRange() {
    single(with("channel: 1,", "channel: 16,"), "joints[1].channel", "16 is out of range", "0..15");
    single(with("estop: { pin: 17 }", "estop: { pin: 28 }"), "estop.pin", "28 is out of range", "0..27", "BCM");
    single(with("address: 0x40", "address: 0x20"), "pwm.address", "0x20 is out of range", "0x40..0x7F");
    single(with("mux: { address: 0x70, channel: 1 }", "mux: { address: 0x70, channel: 8 }"),
        "joints[1].encoder.mux.channel", "8 is out of range", "0..7");
    single(with("frequency_hz: 50", "frequency_hz: 2000"), "pwm.frequency_hz", "out of range", "24..1526");
  }

  @Test
  void choicesListWhatIsAllowed() {
    single(with("law: { name: ncap }", "law: { name: nacp }"), "law.name", "\"nacp\" is not allowed",
        "use one of drive, ncap", "did you mean 'ncap'?");
    single(with("estop: { pin: 17 }", "estop: { pin: 17, pull: sideways }"), "estop.pull", "down, none, up");
    single(with("imu: { bus: 1 }", "imu: { bus: 1, gyro_range_dps: 300 }"), "imu.gyro_range_dps",
        "use one of 250, 500, 1000, 2000");
    single(VALID + "loop: { overrun: later }\n", "loop.overrun", "catch_up, skip");
  }

  @Test
  void jointMistakes() {
    single(with("name: j1, channel: 1, min_pulse_us: 1000, max_pulse_us: 2000",
        "name: j1, channel: 1, min_pulse_us: 2000, max_pulse_us: 1000"), "joints[1].max_pulse_us",
        "must be greater than min_pulse_us (2000)");
    single(with("name: j1, channel: 1, min_pulse_us: 1000, max_pulse_us: 2000",
        "name: j1, channel: 1, min_pulse_us: 1000, max_pulse_us: 25000"), "joints[1].max_pulse_us",
        "longer than the PWM period", "19988.5 us");
    single(with("max_pulse_us: 2000, safe: 0,\n      encoder: { bus: 1, mux: { address: 0x70, channel: 1",
        "max_pulse_us: 2000, limits: [-0.5, 0.5], safe: 0.8,\n      encoder: { bus: 1, mux: { address: 0x70, channel: 1"),
        "joints[1].safe", "outside the joint's limits [-0.5, 0.5]");
    single(with("max_pulse_us: 2000, safe: 0,\n      encoder: { bus: 1, mux: { address: 0x70, channel: 1",
        "max_pulse_us: 2000, limits: [0.5, -0.5], safe: 0,\n      encoder: { bus: 1, mux: { address: 0x70, channel: 1"),
        "joints[1].limits", "min <= max");
    single(with("max_pulse_us: 2000, safe: 0,\n      encoder: { bus: 1, mux: { address: 0x70, channel: 1",
        "max_pulse_us: 2000, limits: [-2, 1], safe: 0,\n      encoder: { bus: 1, mux: { address: 0x70, channel: 1"),
        "joints[1].limits[0]", "-2 is out of range", "-1..1");
    single(with("channel: 1, min_pulse_us", "channel: 1, direction: 0, min_pulse_us"), "joints[1].direction",
        "0 is not allowed");
    String noJoints = VALID.substring(0, VALID.indexOf("joints:")) + "joints: []\n" + VALID.substring(VALID.indexOf("\nimu:") + 1);
    single(noJoints, "joints", "has 0 entries", "1..16");
    single(with("      encoder: { bus: 1, mux: { address: 0x70, channel: 1 } } }", "    }"), "joints[1].encoder",
        "is required", "every joint needs its AS5600");
  }

  @Test
  void aPwmChannelUsedTwiceNamesBothJoints() {
    single(with("channel: 1,", "channel: 0,"), "joints[1].channel", "PWM channel 0 is already used by joints[0]");
  }

  @Test
  void deviceNamesMustBeUnique() {
    single(with("name: j1", "name: j0"), "joints[1].name", "'j0' is already the name at joints[0].name");
    single(with("imu: { bus: 1 }", "imu: { bus: 1, name: j0 }"), "imu.name", "already the name at joints[0].name");
    single(with("name: j1", "name: \"j 1\""), "joints[1].name", "not allowed", "letters, digits");
  }

  @Test
  void aGpioLineCannotBeTheEStopAndTheLed() {
    single(with("status_led: { pin: 27 }", "status_led: { pin: 17 }"), "status_led.pin",
        "BCM 17 is already the e-stop input");
  }

  @Test
  void i2cAddressConflicts() {
    // two chips directly on one bus at one address
    single(with("imu: { bus: 1 }", "imu: { bus: 1, address: 0x68 }") .replace("pwm: { bus: 1, address: 0x40",
        "pwm: { bus: 1, address: 0x70"), "joints[0].encoder.mux.address", "0x70 on bus 1 is already used by the PCA9685");
    // two encoders behind the same mux channel
    single(with("mux: { address: 0x70, channel: 1 }", "mux: { address: 0x70, channel: 0 }"), "joints[1].encoder",
        "behind mux 0x70 channel 0", "already used by the encoder of joints[0]");
    // a muxed encoder and a direct one at 0x36 on the same bus
    single(with("encoder: { bus: 1, mux: { address: 0x70, channel: 1 } }", "encoder: { bus: 1 }"), "joints[1].encoder",
        "directly on the bus", "behind mux 0x70 channel 0", "share 0x36 on bus 1");
    // the same address behind two muxes of one bus
    single(with("mux: { address: 0x70, channel: 1 }", "mux: { address: 0x71, channel: 1 }"), "joints[1].encoder",
        "behind mux 0x71", "behind mux 0x70", "keeps its channel enabled");
    // separate buses are fine
    ConfigText.parse(with("encoder: { bus: 1, mux: { address: 0x70, channel: 1 } }", "encoder: { bus: 3 }")
        .replace("encoder: { bus: 1, mux: { address: 0x70, channel: 0 } }", "encoder: { bus: 1 }"));
  }

  @Test
  void taskMistakes() {
    single(with("servo: { rate_hz: 1000 }", "servo: { rate_hz: 1000, period_ms: 1 }"), "tasks.servo",
        "give rate_hz or period_ms, not both");
    single(with("servo: { rate_hz: 1000 }", "servo: {}"), "tasks.servo", "needs rate_hz");
    single(with("servo: { rate_hz: 1000 }", "servo: { rate_hz: 0 }"), "tasks.servo.rate_hz", "out of range");
    single(with("  imu: { rate_hz: 200 }\n", ""), "tasks.imu", "is required because the board has an imu");
    single(with("imu: { bus: 1 }\n", ""), "tasks.imu", "the board has no imu section");
    List<String> e = errors(with("encoders: { rate_hz: 250 }", "encoderz: { rate_hz: 250 }"));
    assertEquals(2, e.size(), e.toString());
    contains(e.get(0), "tasks.encoderz", "did you mean 'encoders'?");
    contains(e.get(1), "tasks.encoders", "is required");
  }

  @Test
  void theInputAgeLimitMustExceedTheSlowestSensorPeriod() {
    single(VALID + "failsafe: { max_input_age_ms: 4 }\n", "failsafe.max_input_age_ms",
        "must be longer than the slowest sensor task's period (5 ms)");
    single(with("imu: { rate_hz: 200 }", "imu: { rate_hz: 10 }"), "failsafe (default max_input_age_ms 50)",
        "(100 ms)");
  }

  @Test
  void theMissRateRuleCannotAskForMoreMissesThanItsWindowHolds() {
    single(VALID + "failsafe: { miss_window: 50, max_window_misses: 60 }\n", "failsafe.max_window_misses",
        "more than miss_window (50)", "or 0 for no miss-rate rule");
    single(VALID + "failsafe: { miss_window: 0 }\n", "failsafe.miss_window", "1");
    FailsafeConfig off = ConfigText.parse(VALID + "failsafe: { max_window_misses: 0 }\n").failsafe();
    assertEquals(0, off.maxWindowMisses());
    assertEquals(100, off.missWindowReleases());
    FailsafeConfig defaults = ConfigText.parse(VALID).failsafe();
    assertEquals(20, defaults.maxWindowMisses());
  }

  @Test
  void aWindowSmallerThanTheDefaultLimitIsReportedWhereItWasWritten() {
    // max_window_misses was not written: the error names the key that was and says the 20 is the default
    single(VALID + "failsafe: { miss_window: 10 }\n", "failsafe.miss_window", "10 is less than the default",
        "max_window_misses (20)", "set max_window_misses to at most 10, or 0 for no miss-rate rule");
  }

  @Test
  void lawParameterMistakes(@TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("w3.yaml"), "weights: [1, 1, -1]\n");
    java.nio.file.Files.writeString(dir.resolve("bad.json"), "{\"weights\": [1, 1, 1, -1],}");
    java.nio.file.Files.writeString(dir.resolve("typo.yaml"), "wieghts: [1, 1, 1, -1]\n");
    List<String> e = errors(with("law: { name: ncap }", "law: { name: ncap, params_file: w3.yaml }"), dir);
    assertEquals(1, e.size(), e.toString());
    contains(e.get(0), "law.params_file(w3.yaml).weights", "has 3 entries", "exactly 4",
        "w_prop, w_osc, w_ipsi, w_contra");
    e = errors(with("law: { name: ncap }", "law: { name: ncap, params_file: bad.json }"), dir);
    contains(e.get(0), "law.params_file(bad.json)", "not valid JSON", "line 1");
    e = errors(with("law: { name: ncap }", "law: { name: ncap, params_file: typo.yaml }"), dir);
    contains(e.get(0), "law.params_file(typo.yaml).wieghts", "did you mean 'weights'?");
    e = errors(with("law: { name: ncap }", "law: { name: ncap, params_file: missing.yaml }"), dir);
    contains(e.get(0), "law.params_file", "file missing.yaml not found");
    single(with("law: { name: ncap }", "law: { name: ncap, params: { weights: [1, 1, 1, -1] }, params_file: x }"),
        "law", "give params or params_file, not both");
    single(with("law: { name: ncap }", "law: { name: ncap, params: { layout: unshared, weights: [1, 1, 1, -1] } }"),
        "law.params.weights", "has 4 entries", "exactly 12", "unshared layout with 2 joints");
    single(with("law: { name: ncap }", "law: { name: ncap, params: { oscillator_period_steps: 1 } }"),
        "law.params.oscillator_period_steps", "out of range");
  }

  @Test
  void theDriveLawNeedsTwoWheelsAndItsGeometry() {
    List<String> e = errors(with("law: { name: ncap }", "law: { name: drive, params: { wheel_radius_m: 0.03 } }"));
    assertEquals(2, e.size(), e.toString());
    contains(e.get(0), "law.params.track_m", "is required");
    contains(e.get(1), "law.params.max_wheel_speed_rad_s", "is required");
    String threeJoints = with("imu: { bus: 1 }", "imu: { bus: 1 }") .replace("joints:\n",
        "joints:\n  - { name: j9, channel: 9, min_pulse_us: 1000, max_pulse_us: 2000, safe: 0, encoder: { bus: 4 } }\n");
    single(threeJoints.replace("law: { name: ncap }",
        "law: { name: drive, params: { wheel_radius_m: 0.03, track_m: 0.1, max_wheel_speed_rad_s: 10 } }"), "joints",
        "the drive law needs exactly 2 joints", "got 3");
  }

  @Test
  void telemetryMistakes() {
    single(VALID + "telemetry: { broker_url: \"http://broker:1883\" }\n", "telemetry.broker_url",
        "has scheme 'http'", "use tcp:// or ssl://");
    single(VALID + "telemetry: { broker_url: \"tcp://:1883\" }\n", "telemetry.broker_url", "has no host");
    single(VALID + "telemetry: { broker_url: \"tcp://h:1883\", username_env: \"my user\" }\n", "telemetry.username_env",
        "not allowed", "environment variable");
    single(VALID + "telemetry: { broker_url: \"tcp://h:1883\", password_env: PW }\n", "telemetry.password_env",
        "needs username_env too");
    BoardConfig c = ConfigText.parse(VALID + "telemetry: { broker_url: \"ssl://h:8883\", username_env: U, password_env: P,"
        + " board_key_file: keys/k.key }\n", Path.of("/etc/ganglion"));
    assertEquals(Path.of("/etc/ganglion/keys/k.key"), c.telemetry().boardKeyFile());
    assertEquals(8883, c.telemetry().brokerUrl().getPort());
  }

  @Test
  void simModelMistakes() {
    single(VALID + "sim: { model: swimmer, links: 6 }\n", "sim.links", "6 links need 5 joints, but the board has 2");
    single(VALID + "sim: { model: swimmer, links: 3, track_m: 0.1 }\n", "sim.track_m", "applies to sim model diffdrive only");
    single(VALID + "sim: { model: submarine }\n", "sim.model", "use one of diffdrive, swimmer");
    List<String> e = errors(VALID + "sim: { model: diffdrive }\n");
    assertEquals(3, e.size(), e.toString());
    contains(e.get(0), "sim.wheel_radius_m", "is required");
  }

  @Test
  void everyMistakeOfAFileIsReportedAtOnce() {
    String yaml = with("board: test1", "board: \"test 1\"")
        .replace("channel: 1,", "channel: 99,")
        .replace("estop: { pin: 17 }", "estop: { pin: 17, pul: up }")
        .replace("law: { name: ncap }", "law: { name: ncap2 }");
    BoardConfigException ex = assertThrows(BoardConfigException.class, () -> ConfigText.parse(yaml));
    List<String> e = ex.errors();
    assertEquals(4, e.size(), e.toString());
    assertEquals(4, ex.getMessage().lines().count(), "one line per mistake");
    assertTrue(ex.getMessage().lines().allMatch(l -> l.startsWith("board.yaml: ")), ex.getMessage());
    assertTrue(ex instanceof InvalidInputException, "the CLI maps it to exit code 2");
  }

  @Test
  void aMissingFileIsOneLine(@TempDir Path dir) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> BoardConfigLoader.load(dir.resolve("nope.yaml")));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }
}
