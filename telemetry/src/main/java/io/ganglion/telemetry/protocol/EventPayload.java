package io.ganglion.telemetry.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One {@code robots/<board>/events} message (QoS 1, JSON): a fault, a failsafe transition, a
 * command verdict.
 *
 * <pre>{@code
 * {"board":"b1","seq":7,"t_us":1234567,"kind":"failsafe","detail":"link_lost","value":0.25}
 * }</pre>
 *
 * @param board the board id
 * @param seq event number per board, from 0 (a gap means events were dropped)
 * @param tUs board time of the event in microseconds
 * @param kind snake_case kind ({@code fault}, {@code failsafe}, {@code command_rejected}, ...)
 * @param detail free text (reason, verb...), may be null
 * @param value a number attached to the event, or NaN for none (written only when finite)
 */
public record EventPayload(String board, long seq, long tUs, String kind, String detail, double value) {

  /** Validates the board id and the kind. */
  public EventPayload {
    Names.requireBoardId(board);
    if (!Names.isFieldName(kind)) {
      throw new io.ganglion.drivers.InvalidInputException("event kind '" + kind + "' is invalid; use snake_case a-z 0-9 _");
    }
  }

  /** The UTF-8 JSON bytes. */
  public byte[] toJson() {
    ObjectNode o = StrictJson.object();
    o.put("board", board);
    o.put("seq", seq);
    o.put("t_us", tUs);
    o.put("kind", kind);
    if (detail != null) {
      o.put("detail", detail);
    }
    if (Double.isFinite(value)) {
      o.put("value", value);
    }
    return StrictJson.bytes(o);
  }

  /**
   * Parses and validates an event payload (unknown members are ignored).
   *
   * @throws InvalidPayloadException when a required member is missing or mistyped
   */
  public static EventPayload parse(byte[] payload) {
    ObjectNode o = StrictJson.parseObject(payload);
    String board = StrictJson.requiredText(o, "board");
    if (!Names.isBoardId(board)) {
      throw new InvalidPayloadException(RejectReason.BAD_NAME, "invalid board id '" + board + "'");
    }
    long seq = StrictJson.requiredLong(o, "seq");
    long tUs = StrictJson.requiredLong(o, "t_us");
    String kind = StrictJson.requiredText(o, "kind");
    if (!Names.isFieldName(kind)) {
      throw new InvalidPayloadException(RejectReason.BAD_NAME, "invalid event kind '" + kind + "'");
    }
    String detail = StrictJson.optionalText(o, "detail");
    double value = Double.NaN;
    JsonNode v = o.get("value");
    if (v != null && !v.isNull()) {
      if (!v.isNumber()) {
        throw new InvalidPayloadException(RejectReason.WRONG_TYPE, "'value' must be a number");
      }
      value = v.doubleValue();
    }
    return new EventPayload(board, seq, tUs, kind, detail, value);
  }
}
