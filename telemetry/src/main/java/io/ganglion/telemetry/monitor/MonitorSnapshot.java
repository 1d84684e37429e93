package io.ganglion.telemetry.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a monitor knows at one instant: the boards (from their retained status and their
 * messages), each stream's rates and latest values, recent events, and the monitor's own counts of
 * received and rejected messages. Immutable.
 *
 * @param tMs wall-clock time of the snapshot (ms since the epoch)
 * @param broker the broker URL
 * @param filter the subscription ({@code robots/+/#} or {@code robots/<board>/#})
 * @param connected whether the monitor is connected now
 * @param boards boards by id
 * @param events recent events, oldest first
 * @param received messages received, by topic kind ({@code status}, {@code telemetry}, {@code events}, {@code cmd}, {@code other})
 * @param decoded messages accepted, by topic kind
 * @param rejected rejected messages by topic kind, then by reason ({@code bad_magic}, {@code unknown_topic}...)
 */
public record MonitorSnapshot(long tMs, String broker, String filter, boolean connected, List<BoardSnapshot> boards,
    List<EventEntry> events, Map<String, Long> received, Map<String, Long> decoded,
    Map<String, Map<String, Long>> rejected) {

  /** Copies the collections. */
  public MonitorSnapshot {
    boards = List.copyOf(boards);
    events = List.copyOf(events);
    received = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(received));
    decoded = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(decoded));
    rejected = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rejected));
  }

  /** All rejected messages of topic kind {@code kind}. */
  public long rejectedTotal(String kind) {
    Map<String, Long> m = rejected.get(kind);
    return m == null ? 0 : m.values().stream().mapToLong(Long::longValue).sum();
  }

  /** All rejected messages. */
  public long rejectedTotal() {
    return rejected.keySet().stream().mapToLong(this::rejectedTotal).sum();
  }

  /** The board {@code id}, or null. */
  public BoardSnapshot board(String id) {
    return boards.stream().filter(b -> b.board().equals(id)).findFirst().orElse(null);
  }

  /** A JSON-ready tree with snake_case keys (non-finite numbers as null). */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("t_ms", tMs);
    m.put("broker", broker);
    m.put("filter", filter);
    m.put("connected", connected);
    List<Object> b = new ArrayList<>();
    boards.forEach(x -> b.add(x.toJsonMap()));
    m.put("boards", b);
    List<Object> e = new ArrayList<>();
    events.forEach(x -> e.add(x.toJsonMap()));
    m.put("events", e);
    m.put("received", received);
    m.put("decoded", decoded);
    m.put("rejected", rejected);
    return m;
  }

  /** A finite number, or null for JSON. */
  static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /**
   * One board.
   *
   * @param board the board id
   * @param state {@code online}, {@code offline}, or {@code unknown} (messages seen, no status yet)
   * @param reason why offline ({@code connection_lost}, {@code shutdown}), else null
   * @param firmwareVersion from the status, or null
   * @param configHash from the status, or null
   * @param law from the status, or null
   * @param format {@code binary} or {@code json} from the status, or null
   * @param uptimeMs the board's uptime in its last status, or -1
   * @param lastSeenAgoMs milliseconds since the last message from this board
   * @param counters the counters of its last status (drops, reconnects, command verdicts)
   * @param droppedSamples sum of the sample-drop counters in the status
   * @param droppedEvents {@code events_dropped} in the status
   * @param commandsSeen command messages seen on its {@code cmd/} topics
   * @param streams its telemetry streams, by name
   */
  public record BoardSnapshot(String board, String state, String reason, String firmwareVersion, String configHash,
      String law, String format, long uptimeMs, long lastSeenAgoMs, Map<String, Long> counters, long droppedSamples,
      long droppedEvents, long commandsSeen, List<StreamSnapshot> streams) {

    /** Copies the collections. */
    public BoardSnapshot {
      counters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counters));
      streams = List.copyOf(streams);
    }

    /** True when the last status said online. */
    public boolean online() {
      return "online".equals(state);
    }

    /** The stream {@code name}, or null. */
    public StreamSnapshot stream(String name) {
      return streams.stream().filter(s -> s.stream().equals(name)).findFirst().orElse(null);
    }

    Map<String, Object> toJsonMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("board", board);
      m.put("state", state);
      m.put("reason", reason);
      m.put("firmware_version", firmwareVersion);
      m.put("config_hash", configHash);
      m.put("law", law);
      m.put("format", format);
      m.put("uptime_ms", uptimeMs);
      m.put("last_seen_ago_ms", lastSeenAgoMs);
      m.put("dropped_samples", droppedSamples);
      m.put("dropped_events", droppedEvents);
      m.put("commands_seen", commandsSeen);
      m.put("counters", counters);
      List<Object> s = new ArrayList<>();
      streams.forEach(x -> s.add(x.toJsonMap()));
      m.put("streams", s);
      return m;
    }
  }

  /**
   * One telemetry stream of a board.
   *
   * @param board the board id
   * @param stream the stream name
   * @param messagesPerS batches per second over the last ~2 s
   * @param samplesPerS samples per second over the last ~2 s
   * @param messages batches received
   * @param samples samples received
   * @param lastSeq sequence number of the last batch
   * @param gaps batches missing from the sequence (lost at QoS 0, or dropped by the board)
   * @param lastTUs board time of the latest sample
   * @param latest the latest sample's values by field name (SI units; NaN allowed)
   */
  public record StreamSnapshot(String board, String stream, double messagesPerS, double samplesPerS, long messages,
      long samples, long lastSeq, long gaps, long lastTUs, Map<String, Double> latest) {

    /** Copies the map. */
    public StreamSnapshot {
      latest = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(latest));
    }

    Map<String, Object> toJsonMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stream", stream);
      m.put("messages_per_s", messagesPerS);
      m.put("samples_per_s", samplesPerS);
      m.put("messages", messages);
      m.put("samples", samples);
      m.put("last_seq", lastSeq);
      m.put("gaps", gaps);
      m.put("last_t_us", lastTUs);
      Map<String, Object> l = new LinkedHashMap<>();
      latest.forEach((k, v) -> l.put(k, finite(v)));
      m.put("latest", l);
      return m;
    }
  }

  /**
   * One event: published by a board on {@code events}, or noted by the monitor when a board's
   * status changes ({@code source} {@code monitor}, kinds {@code online} and {@code offline}).
   *
   * @param receivedMs wall-clock receive time (ms since the epoch)
   * @param source {@code board} or {@code monitor}
   * @param board the board id
   * @param seq the board's event number (-1 for monitor events)
   * @param tUs board time in us (-1 for monitor events)
   * @param kind snake_case kind
   * @param detail free text, or null
   * @param value a number, or NaN
   */
  public record EventEntry(long receivedMs, String source, String board, long seq, long tUs, String kind, String detail,
      double value) {

    Map<String, Object> toJsonMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("received_ms", receivedMs);
      m.put("source", source);
      m.put("board", board);
      m.put("seq", seq);
      m.put("t_us", tUs);
      m.put("kind", kind);
      m.put("detail", detail);
      m.put("value", finite(value));
      return m;
    }
  }
}
