package io.ganglion.telemetry.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganglion.telemetry.protocol.EventPayload;
import io.ganglion.telemetry.protocol.StatusPayload;
import io.ganglion.telemetry.protocol.StrictJson;
import io.ganglion.telemetry.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Random status and event payloads, and malformed variants with the reason a strict reader must give. */
final class StatusEventFuzz {

  private static final String[] KINDS = {"fault", "failsafe", "command_accepted", "command_rejected", "overrun"};

  private StatusEventFuzz() {}

  static StatusPayload status(SplittableRandom r, String board) {
    boolean online = r.nextBoolean();
    Map<String, Long> counters = new LinkedHashMap<>();
    for (int i = r.nextInt(6); i > 0; i--) {
      counters.put("c" + r.nextInt(30), r.nextLong(1L << 50));
    }
    List<String> streams = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      streams.add("s" + r.nextInt(12));
    }
    return new StatusPayload(online ? StatusPayload.State.ONLINE : StatusPayload.State.OFFLINE, board,
        "0." + r.nextInt(10) + "." + r.nextInt(10), Long.toHexString(r.nextLong()), r.nextBoolean() ? "ncap" : "wave",
        r.nextBoolean() ? "binary" : "json", streams, online ? null : "connection_lost", r.nextLong(1L << 41),
        r.nextLong(1L << 30), counters);
  }

  static EventPayload event(SplittableRandom r, String board) {
    return new EventPayload(board, r.nextLong(1L << 40), r.nextLong(1L << 50), KINDS[r.nextInt(KINDS.length)],
        r.nextBoolean() ? null : "detail " + r.nextInt(1000), r.nextBoolean() ? Double.NaN : r.nextDouble());
  }

  static FuzzMessage validStatus(SplittableRandom r, String board) {
    ObjectNode o = StrictJson.parseObject(status(r, board).toJson());
    if (r.nextInt(4) == 0) {
      o.put("future_member", r.nextInt()); // readers ignore members they do not know
    }
    return new FuzzMessage(Topics.status(board), StrictJson.bytes(o), FuzzMessage.Target.STATUS, null);
  }

  static FuzzMessage validEvent(SplittableRandom r, String board) {
    return new FuzzMessage(Topics.events(board), event(r, board).toJson(), FuzzMessage.Target.EVENTS, null);
  }

  static FuzzMessage malformedStatus(SplittableRandom r, String board, String otherBoard) {
    ObjectNode o = StrictJson.parseObject(status(r, board).toJson());
    String reason = null;
    byte[] p = null;
    switch (r.nextInt(8)) {
      case 0 -> {
        o.remove(new String[] {"state", "board", "firmware_version", "config_hash", "law"}[r.nextInt(5)]);
        reason = "missing_field";
      }
      case 1 -> {
        o.put("state", "sleeping");
        reason = "out_of_range";
      }
      case 2 -> {
        o.put(new String[] {"state", "law", "firmware_version"}[r.nextInt(3)], r.nextInt(100));
        reason = "wrong_type";
      }
      case 3 -> {
        o.put("board", otherBoard);
        reason = "topic_mismatch";
      }
      case 4 -> {
        o.put("board", "no/slashes");
        reason = "bad_name";
      }
      case 5 -> {
        o.putArray("counters").add(1);
        reason = "wrong_type";
      }
      case 6 -> {
        byte[] full = StrictJson.bytes(o);
        p = Arrays.copyOf(full, 1 + r.nextInt(full.length - 1));
        reason = "malformed_json";
      }
      default -> {
        p = garbage(r);
        reason = "malformed_json";
      }
    }
    return new FuzzMessage(Topics.status(board), p != null ? p : StrictJson.bytes(o), FuzzMessage.Target.STATUS, reason);
  }

  static FuzzMessage malformedEvent(SplittableRandom r, String board, String otherBoard) {
    ObjectNode o = StrictJson.parseObject(event(r, board).toJson());
    String reason;
    byte[] p = null;
    switch (r.nextInt(7)) {
      case 0 -> {
        o.remove(new String[] {"board", "seq", "t_us", "kind"}[r.nextInt(4)]);
        reason = "missing_field";
      }
      case 1 -> {
        o.put("kind", "Not Snake Case");
        reason = "bad_name";
      }
      case 2 -> {
        o.put(new String[] {"seq", "t_us"}[r.nextInt(2)], "12");
        reason = "wrong_type";
      }
      case 3 -> {
        o.put("board", otherBoard);
        reason = "topic_mismatch";
      }
      case 4 -> {
        o.put("value", "high");
        reason = "wrong_type";
      }
      case 5 -> {
        byte[] full = StrictJson.bytes(o);
        p = Arrays.copyOf(full, 1 + r.nextInt(full.length - 1));
        reason = "malformed_json";
      }
      default -> {
        p = garbage(r);
        reason = "malformed_json";
      }
    }
    return new FuzzMessage(Topics.events(board), p != null ? p : StrictJson.bytes(o), FuzzMessage.Target.EVENTS, reason);
  }

  /** Random bytes that are not a JSON object: they never start with '{' (after optional spaces none are added). */
  static byte[] garbage(SplittableRandom r) {
    int kind = r.nextInt(3);
    if (kind == 0) {
      return ("[" + r.nextInt() + "]").getBytes(StandardCharsets.UTF_8); // JSON, but not an object
    }
    byte[] p = new byte[r.nextInt(300)];
    r.nextBytes(p);
    if (p.length > 0) {
      p[0] = (byte) ('!' + r.nextInt(20)); // '!'..'4' : never '{', '[', '"', '-' or a digit start of valid JSON
      if (p[0] == '-' || p[0] == '"' || (p[0] >= '0' && p[0] <= '9')) {
        p[0] = '!';
      }
    }
    return p;
  }
}
