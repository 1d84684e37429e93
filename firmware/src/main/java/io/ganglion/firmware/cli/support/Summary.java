package io.ganglion.firmware.cli.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command prints when it is done: human lines for a terminal, or, with {@code --json},
 * the same facts as one JSON object on stdout under the key names the command documents.
 */
public final class Summary {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private final Map<String, Object> values = new LinkedHashMap<>();
  private final List<String> lines = new ArrayList<>();

  /** Adds a machine-readable value under its JSON key. */
  public Summary put(String key, Object value) {
    values.put(key, value);
    return this;
  }

  /** Adds a line of the human-readable form. */
  public Summary line(String text) {
    lines.add(text);
    return this;
  }

  /** Adds a formatted line of the human-readable form ({@link String#format} in the root locale). */
  public Summary line(String format, Object... args) {
    lines.add(String.format(java.util.Locale.ROOT, format, args));
    return this;
  }

  public Map<String, Object> values() {
    return values;
  }

  /** Prints the lines, or the JSON object when {@code json} is set. */
  public void print(PrintStream out, boolean json) {
    if (json) {
      out.println(toJson(values));
    } else {
      lines.forEach(out::println);
    }
    out.flush();
  }

  /** Prints the lines, or the JSON object when {@code json} is set, to a picocli writer. */
  public void print(java.io.PrintWriter out, boolean json) {
    if (json) {
      out.println(toJson(values));
    } else {
      lines.forEach(out::println);
    }
    out.flush();
  }

  /** One-line JSON of {@code value}. */
  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("summary is not serialisable to JSON: " + e.getMessage(), e);
    }
  }
}
