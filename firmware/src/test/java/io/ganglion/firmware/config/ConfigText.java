package io.ganglion.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

/** A small valid board file for the validation tests, and helpers to break it. */
final class ConfigText {

  static final String VALID = String.join("\n",
      "board: test1",
      "tasks:",
      "  servo: { rate_hz: 1000 }",
      "  encoders: { rate_hz: 250 }",
      "  imu: { rate_hz: 200 }",
      "  controller: { period_ms: 30 }",
      "law: { name: ncap }",
      "pwm: { bus: 1, address: 0x40, frequency_hz: 50 }",
      "joints:",
      "  - { name: j0, channel: 0, min_pulse_us: 1000, max_pulse_us: 2000, safe: 0,",
      "      encoder: { bus: 1, mux: { address: 0x70, channel: 0 } } }",
      "  - { name: j1, channel: 1, min_pulse_us: 1000, max_pulse_us: 2000, safe: 0,",
      "      encoder: { bus: 1, mux: { address: 0x70, channel: 1 } } }",
      "imu: { bus: 1 }",
      "estop: { pin: 17 }",
      "status_led: { pin: 27 }",
      "");

  private ConfigText() {}

  static BoardConfig parse(String yaml) {
    return BoardConfigLoader.parse(yaml, Path.of("board.yaml"), null);
  }

  static BoardConfig parse(String yaml, Path dir) {
    return BoardConfigLoader.parse(yaml, Path.of("board.yaml"), dir);
  }

  /** VALID with {@code from} replaced by {@code to} (which must occur). */
  static String with(String from, String to) {
    assertTrue(VALID.contains(from), "test bug: '" + from + "' not in the base file");
    return VALID.replace(from, to);
  }

  /** Parses and returns the errors (fails if the file was accepted). */
  static List<String> errors(String yaml) {
    return errors(yaml, null);
  }

  static List<String> errors(String yaml, Path dir) {
    BoardConfigException e = assertThrows(BoardConfigException.class, () -> parse(yaml, dir));
    return e.errors();
  }

  /** Asserts there is exactly one error and that it starts with {@code path + ": "} and contains every fragment. */
  static String single(String yaml, String path, String... fragments) {
    List<String> errors = errors(yaml);
    assertEquals(1, errors.size(), "expected one error, got: " + errors);
    return contains(errors.get(0), path, fragments);
  }

  static String contains(String error, String path, String... fragments) {
    if (!path.isEmpty()) {
      assertTrue(error.startsWith(path + ": "), "error should be at " + path + ": " + error);
    }
    for (String f : fragments) {
      assertTrue(error.contains(f), "'" + f + "' missing from: " + error);
    }
    return error;
  }
}
