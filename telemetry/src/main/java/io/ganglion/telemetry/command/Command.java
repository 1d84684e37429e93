package io.ganglion.telemetry.command;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An authenticated command, as delivered to the board's {@link CommandHandler}.
 *
 * @param board the board it is addressed to
 * @param verb {@code arm}, {@code disarm}, {@code set}, ...
 * @param tsMs the sender's wall-clock time in ms since the epoch
 * @param nonce the sender's unique token
 * @param args the arguments object (e.g. {@code {"name":"gain","value":0.5}} for {@code set}); never null
 */
public record Command(String board, String verb, long tsMs, String nonce, JsonNode args) {

  /** The numeric argument {@code name}, or {@code fallback} when absent or not a number. */
  public double argDouble(String name, double fallback) {
    JsonNode v = args.get(name);
    return v != null && v.isNumber() ? v.doubleValue() : fallback;
  }

  /** The text argument {@code name}, or null. */
  public String argText(String name) {
    JsonNode v = args.get(name);
    return v != null && v.isTextual() ? v.textValue() : null;
  }
}
