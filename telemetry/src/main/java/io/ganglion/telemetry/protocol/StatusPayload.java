package io.ganglion.telemetry.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retained {@code robots/<board>/status} payload, always JSON. The birth message ({@code
 * online}) is published on every (re)connect and refreshed periodically with the counters; the
 * MQTT last will ({@code offline}, reason {@code connection_lost}) is published by the broker
 * when the board vanishes; a clean shutdown publishes {@code offline} with reason {@code shutdown}.
 *
 * <pre>{@code
 * {"state":"online","board":"b1","firmware_version":"0.1.0","config_hash":"9f2c...","law":"ncap",
 *  "format":"binary","streams":["joints"],"t_ms":1700000000000,"uptime_ms":1234,
 *  "counters":{"ring_overflow":0,"not_connected":0,"publish_failed":0,...}}
 * }</pre>
 *
 * @param state online or offline
 * @param board the board id
 * @param firmwareVersion firmware version string
 * @param configHash hash of the board configuration (hex)
 * @param law the control law's name
 * @param format the telemetry format the board publishes ({@code binary} or {@code json}), or null
 * @param streams the telemetry stream names, may be empty
 * @param reason why the board is offline ({@code connection_lost}, {@code shutdown}); null when online
 * @param tMs wall-clock time the payload was built (ms since the epoch; for the last will: the connect time)
 * @param uptimeMs milliseconds since the publisher started, or -1 when unknown
 * @param counters counters by name (drops, reconnects...), in a stable order; may be empty
 */
public record StatusPayload(State state, String board, String firmwareVersion, String configHash, String law,
    String format, List<String> streams, String reason, long tMs, long uptimeMs, Map<String, Long> counters) {

  /** Board state. */
  public enum State {
    ONLINE, OFFLINE;

    /** {@code online} or {@code offline}. */
    public String key() {
      return this == ONLINE ? "online" : "offline";
    }
  }

  /** Reason of the last-will payload. */
  public static final String REASON_CONNECTION_LOST = "connection_lost";
  /** Reason of a clean shutdown. */
  public static final String REASON_SHUTDOWN = "shutdown";

  /** Validates the board id and copies the collections. */
  public StatusPayload {
    Names.requireBoardId(board);
    streams = streams == null ? List.of() : List.copyOf(streams);
    counters = counters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(counters));
  }

  /** The UTF-8 JSON bytes. */
  public byte[] toJson() {
    ObjectNode o = StrictJson.object();
    o.put("state", state.key());
    o.put("board", board);
    o.put("firmware_version", firmwareVersion);
    o.put("config_hash", configHash);
    o.put("law", law);
    if (format != null) {
      o.put("format", format);
    }
    var list = o.putArray("streams");
    streams.forEach(list::add);
    if (reason != null) {
      o.put("reason", reason);
    }
    o.put("t_ms", tMs);
    if (uptimeMs >= 0) {
      o.put("uptime_ms", uptimeMs);
    }
    ObjectNode c = o.putObject("counters");
    counters.forEach(c::put);
    return StrictJson.bytes(o);
  }

  /**
   * Parses and validates a status payload. Members this version does not know are ignored (the
   * status may grow); the known ones must have the documented types.
   *
   * @throws InvalidPayloadException when a required member is missing or mistyped
   */
  public static StatusPayload parse(byte[] payload) {
    ObjectNode o = StrictJson.parseObject(payload);
    String stateText = StrictJson.requiredText(o, "state");
    State state;
    if (stateText.equals("online")) {
      state = State.ONLINE;
    } else if (stateText.equals("offline")) {
      state = State.OFFLINE;
    } else {
      throw new InvalidPayloadException(RejectReason.OUT_OF_RANGE, "state '" + stateText + "' is neither online nor offline");
    }
    String board = StrictJson.requiredText(o, "board");
    if (!Names.isBoardId(board)) {
      throw new InvalidPayloadException(RejectReason.BAD_NAME, "invalid board id '" + board + "'");
    }
    String firmware = StrictJson.requiredText(o, "firmware_version");
    String configHash = StrictJson.requiredText(o, "config_hash");
    String law = StrictJson.requiredText(o, "law");
    String format = StrictJson.optionalText(o, "format");
    String reason = StrictJson.optionalText(o, "reason");
    List<String> streams = new java.util.ArrayList<>();
    JsonNode s = o.get("streams");
    if (s != null) {
      if (!s.isArray()) {
        throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "'streams' must be an array of names");
      }
      for (JsonNode n : s) {
        if (!n.isTextual()) {
          throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "'streams' must be an array of names");
        }
        streams.add(n.textValue());
      }
    }
    long tMs = o.has("t_ms") ? StrictJson.requiredLong(o, "t_ms") : 0;
    long uptime = o.has("uptime_ms") ? StrictJson.requiredLong(o, "uptime_ms") : -1;
    Map<String, Long> counters = new LinkedHashMap<>();
    JsonNode c = o.get("counters");
    if (c != null) {
      if (!c.isObject()) {
        throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "'counters' must be an object of name: integer");
      }
      for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        counters.put(name, StrictJson.requiredLong(c, name));
      }
    }
    return new StatusPayload(state, board, firmware, configHash, law, format, streams, reason, tMs, uptime, counters);
  }
}
