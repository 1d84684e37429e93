package io.ganglion.telemetry.protocol;

import io.ganglion.drivers.InvalidInputException;
import java.util.Locale;

/** The two equivalent encodings of a telemetry batch (docs/telemetry.md). */
public enum TelemetryFormat {
  /** Little-endian binary, magic {@code GTLM}. */
  BINARY,
  /** UTF-8 JSON, readable by any MQTT tool. */
  JSON;

  /** {@code binary} or {@code json}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code binary} or {@code json} (a CLI option value). */
  public static TelemetryFormat parse(String s) {
    for (TelemetryFormat f : values()) {
      if (f.key().equalsIgnoreCase(s)) {
        return f;
      }
    }
    throw new InvalidInputException("telemetry format '" + s + "' is unknown; use binary or json");
  }

  /**
   * The format of a payload by its first byte: {@code 'G'} (binary magic) or {@code '{'}
   * (JSON object, after optional whitespace); null when it is neither.
   */
  public static TelemetryFormat sniff(byte[] payload) {
    for (byte b : payload) {
      if (b == 'G') {
        return BINARY;
      }
      if (b == '{') {
        return JSON;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return null;
      }
    }
    return null;
  }
}
