package io.ganglion.firmware.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One mapping of the YAML tree with its field path, read field by field: every problem (unknown
 * key, missing key, wrong type, out of range) is recorded in {@link ConfigErrors} and the getter
 * returns null, so that reading goes on and all mistakes are reported together.
 */
final class YamlObject {

  private final JsonNode node;
  private final String path;
  private final ConfigErrors errors;

  private YamlObject(JsonNode node, String path, ConfigErrors errors) {
    this.node = node;
    this.path = path;
    this.errors = errors;
  }

  /**
   * Reads {@code node} as a mapping with the given keys; records an error for every other key
   * (with the closest allowed key as a suggestion) and returns null when it is not a mapping.
   */
  static YamlObject of(JsonNode node, String path, ConfigErrors errors, String... allowed) {
    if (node == null || !node.isObject()) {
      errors.add(path, "must be a mapping of " + String.join(", ", allowed) + " (got " + describe(node) + ")");
      return null;
    }
    List<String> keys = Arrays.asList(allowed);
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!keys.contains(k)) {
        errors.add(join(path, k), "unknown key" + Suggestions.didYouMean(k, keys) + "; allowed here: "
            + String.join(", ", allowed));
      }
    }
    return new YamlObject(node, path, errors);
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isTextual()) {
      return "\"" + n.asText() + "\"";
    }
    return n.toString();
  }

  String path() {
    return path;
  }

  String at(String key) {
    return join(path, key);
  }

  ConfigErrors errors() {
    return errors;
  }

  /** Whether {@code key} is given (and not null). */
  boolean has(String key) {
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  JsonNode raw(String key) {
    return node.get(key);
  }

  private JsonNode value(String key, boolean required, String hint) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) {
      if (required) {
        errors.add(at(key), "is required" + (hint.isEmpty() ? "" : "; " + hint));
      }
      return null;
    }
    return v;
  }

  /** A whole number in [min, max]; {@code dflt} when absent (null: required). */
  Integer integer(String key, long min, long max, Integer dflt, String hint) {
    Long v = longValue(key, min, max, dflt == null ? null : dflt.longValue(), hint);
    return v == null ? null : v.intValue();
  }

  /** A 7-bit I2C address in [min, max] (messages in hex); YAML {@code 0x40} is read as a number. */
  Integer address(String key, int min, int max, Integer dflt, String hint) {
    JsonNode v = value(key, dflt == null, hint);
    if (v == null) {
      return dflt;
    }
    String allowed = ", allowed " + hex(min) + ".." + hex(max);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      errors.add(at(key), "must be an address like 0x40" + allowed + " (got " + describe(v) + ")" + tail(hint));
      return null;
    }
    int x = v.asInt();
    if (x < min || x > max) {
      errors.add(at(key), (x >= 0 ? hex(x) : Integer.toString(x)) + " is out of range" + allowed + tail(hint));
      return null;
    }
    return x;
  }

  /** A whole number in [min, max] as a long. */
  Long longValue(String key, long min, long max, Long dflt, String hint) {
    JsonNode v = value(key, dflt == null, hint);
    if (v == null) {
      return dflt;
    }
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      errors.add(at(key), "must be a whole number" + range(min, max) + " (got " + describe(v) + ")" + tail(hint));
      return null;
    }
    long x = v.asLong();
    if (x < min || x > max) {
      errors.add(at(key), x + " is out of range" + range(min, max) + tail(hint));
      return null;
    }
    return x;
  }

  /** A finite number in [min, max]. */
  Double number(String key, double min, double max, Double dflt, String hint) {
    JsonNode v = value(key, dflt == null, hint);
    if (v == null) {
      return dflt;
    }
    return checkNumber(v, at(key), min, max, hint);
  }

  Double checkNumber(JsonNode v, String where, double min, double max, String hint) {
    if (!v.isNumber()) {
      errors.add(where, "must be a number" + range(min, max) + " (got " + describe(v) + ")" + tail(hint));
      return null;
    }
    double x = v.asDouble();
    if (!Double.isFinite(x)) {
      errors.add(where, "must be a finite number (got " + x + ")" + tail(hint));
      return null;
    }
    if (x < min || x > max) {
      errors.add(where, fmt(x) + " is out of range" + range(min, max) + tail(hint));
      return null;
    }
    return x;
  }

  /** true or false. */
  Boolean bool(String key, Boolean dflt) {
    JsonNode v = value(key, dflt == null, "");
    if (v == null) {
      return dflt;
    }
    if (!v.isBoolean()) {
      errors.add(at(key), "must be true or false (got " + describe(v) + ")");
      return null;
    }
    return v.asBoolean();
  }

  /** A string matching {@code regex} ({@code rule} says what that means). */
  String string(String key, String regex, String rule, String dflt) {
    JsonNode v = value(key, dflt == null, rule);
    if (v == null) {
      return dflt;
    }
    if (!v.isTextual()) {
      errors.add(at(key), "must be a string (got " + describe(v) + ")" + tail(rule));
      return null;
    }
    String s = v.asText();
    if (regex != null && !s.matches(regex)) {
      errors.add(at(key), "\"" + s + "\" is not allowed" + tail(rule));
      return null;
    }
    return s;
  }

  /** One of the names of {@code options} (case-insensitive). */
  <E> E choice(String key, Map<String, E> options, E dflt) {
    List<String> names = new ArrayList<>(options.keySet());
    java.util.Collections.sort(names);
    JsonNode v = value(key, dflt == null, "one of " + String.join(", ", names));
    if (v == null) {
      return dflt;
    }
    if (v.isTextual()) {
      String s = v.asText().toLowerCase(Locale.ROOT);
      if (options.containsKey(s)) {
        return options.get(s);
      }
    }
    String given = v.isTextual() ? v.asText() : v.toString();
    errors.add(at(key), describe(v) + " is not allowed; use one of " + String.join(", ", names)
        + Suggestions.didYouMean(given, names));
    return null;
  }

  /** A nested mapping, or null when absent (an error when required). */
  YamlObject object(String key, boolean required, String hint, String... allowed) {
    JsonNode v = value(key, required, hint);
    if (v == null) {
      return null;
    }
    return of(v, at(key), errors, allowed);
  }

  /** The elements of a list of {@code minSize..maxSize} elements, or null when absent or wrong. */
  List<JsonNode> list(String key, boolean required, int minSize, int maxSize, String hint) {
    JsonNode v = value(key, required, hint);
    if (v == null) {
      return null;
    }
    if (!v.isArray()) {
      errors.add(at(key), "must be a list (got " + describe(v) + ")" + tail(hint));
      return null;
    }
    if (v.size() < minSize || v.size() > maxSize) {
      errors.add(at(key), "has " + v.size() + " entries; " + (minSize == maxSize ? "exactly " + minSize
          : minSize + ".." + maxSize) + " allowed" + tail(hint));
      return null;
    }
    List<JsonNode> out = new ArrayList<>();
    v.forEach(out::add);
    return out;
  }

  private static String range(double min, double max) {
    boolean lo = min > -Double.MAX_VALUE && min != Long.MIN_VALUE;
    boolean hi = max < Double.MAX_VALUE && max != Long.MAX_VALUE;
    if (lo && hi) {
      return ", allowed " + fmt(min) + ".." + fmt(max);
    }
    if (lo) {
      return ", allowed >= " + fmt(min);
    }
    if (hi) {
      return ", allowed <= " + fmt(max);
    }
    return "";
  }

  private static String tail(String hint) {
    return hint == null || hint.isEmpty() ? "" : "; " + hint;
  }

  static String fmt(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return Long.toString((long) x);
    }
    return Double.toString(x);
  }

  /** {@code 0x40} style. */
  static String hex(int value) {
    return String.format("0x%02X", value);
  }
}
