package io.ganglion.telemetry.monitor;

import io.ganglion.telemetry.mqtt.MessageHandler;
import io.ganglion.telemetry.protocol.DecodeResult;
import io.ganglion.telemetry.protocol.EventPayload;
import io.ganglion.telemetry.protocol.InvalidPayloadException;
import io.ganglion.telemetry.protocol.RejectCounters;
import io.ganglion.telemetry.protocol.RejectReason;
import io.ganglion.telemetry.protocol.StatusPayload;
import io.ganglion.telemetry.protocol.TelemetryBatch;
import io.ganglion.telemetry.protocol.TelemetryReceiver;
import io.ganglion.telemetry.protocol.Topics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The monitor's picture of the boards, fed with every message under {@code robots/...} (it is the
 * subscription's {@link MessageHandler}). Status payloads (retained) say which boards are online
 * and carry their drop counters; telemetry batches give per-stream rates, sequence gaps and the
 * latest values; events are kept in a bounded list. Every payload is decoded strictly; anything
 * that does not decode is counted by topic kind and reason (never thrown). Thread-safe.
 */
public final class MonitorState implements MessageHandler {

  /** Topic kinds used as keys of the received/decoded/rejected maps. */
  public static final List<String> KINDS = List.of("status", "telemetry", "events", "cmd", "other");
  /** Rejection reason of a topic outside the scheme. */
  public static final String UNKNOWN_TOPIC = "unknown_topic";

  private static final int STATUS = 0;
  private static final int TELEMETRY = 1;
  private static final int EVENTS = 2;
  private static final int CMD = 3;
  private static final int OTHER = 4;

  /** Sample-drop counters of a publisher's status (docs/telemetry.md). */
  private static final List<String> SAMPLE_DROPS = List.of("ring_overflow", "not_connected", "backpressure", "publish_failed",
      "in_flight_lost");

  private final TelemetryReceiver telemetry;
  private final RejectCounters statusRejects = new RejectCounters();
  private final RejectCounters eventRejects = new RejectCounters();
  private final AtomicLong unknownTopics = new AtomicLong();
  private final AtomicLongArray received = new AtomicLongArray(KINDS.size());
  private final AtomicLongArray decoded = new AtomicLongArray(KINDS.size());
  private final Map<String, BoardView> boards = new TreeMap<>();
  private final ArrayDeque<MonitorSnapshot.EventEntry> events = new ArrayDeque<>();
  private final int eventCapacity;
  private final int maxPayloadBytes;
  private final List<BatchListener> listeners = new CopyOnWriteArrayList<>();

  /** Receives every decoded telemetry batch (on the MQTT callback thread: return quickly). */
  @FunctionalInterface
  public interface BatchListener {
    /** One decoded batch. */
    void onBatch(TelemetryBatch batch, long receivedNanos);
  }

  /** A state keeping the last 200 events. */
  public MonitorState() {
    this(200, TelemetryReceiver.DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /**
   * @param eventCapacity how many recent events to keep
   * @param maxPayloadBytes larger payloads are rejected ({@code too_large})
   */
  public MonitorState(int eventCapacity, int maxPayloadBytes) {
    if (eventCapacity < 1) {
      throw new io.ganglion.drivers.InvalidInputException("event capacity " + eventCapacity + " must be >= 1");
    }
    this.eventCapacity = eventCapacity;
    this.telemetry = new TelemetryReceiver(maxPayloadBytes);
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** Adds a listener of decoded batches (e.g. the web page's plot feed). */
  public void addBatchListener(BatchListener l) {
    listeners.add(l);
  }

  @Override
  public void onMessage(String topic, byte[] payload, int qos, boolean retained) {
    long nowNanos = System.nanoTime();
    Topics.TopicParts parts = Topics.parse(topic);
    if (parts == null) {
      received.incrementAndGet(OTHER);
      unknownTopics.incrementAndGet();
      return;
    }
    switch (parts.kind()) {
      case STATUS -> onStatus(parts.board(), payload, nowNanos);
      case TELEMETRY -> onTelemetry(topic, parts.board(), payload, nowNanos);
      case EVENTS -> onEvent(parts.board(), payload, nowNanos);
      case COMMAND -> onCommand(parts.board(), nowNanos);
      default -> throw new IllegalStateException("unhandled topic kind " + parts.kind());
    }
  }

  private void onStatus(String board, byte[] payload, long nowNanos) {
    received.incrementAndGet(STATUS);
    StatusPayload s;
    try {
      if (payload.length > maxPayloadBytes) {
        throw new InvalidPayloadException(RejectReason.TOO_LARGE, payload.length + " B");
      }
      s = StatusPayload.parse(payload);
      if (!s.board().equals(board)) {
        throw new InvalidPayloadException(RejectReason.TOPIC_MISMATCH, "status of " + s.board() + " on " + board);
      }
    } catch (InvalidPayloadException e) {
      statusRejects.increment(e.reason());
      return;
    } catch (RuntimeException e) {
      statusRejects.increment(RejectReason.INTERNAL_ERROR);
      return;
    }
    decoded.incrementAndGet(STATUS);
    synchronized (this) {
      BoardView b = board(board, nowNanos);
      String previous = b.state;
      b.status = s;
      b.state = s.state().key();
      if (!b.state.equals(previous)) {
        addEvent(new MonitorSnapshot.EventEntry(System.currentTimeMillis(), "monitor", board, -1, -1, b.state,
            s.reason(), Double.NaN));
      }
    }
  }

  private void onTelemetry(String topic, String board, byte[] payload, long nowNanos) {
    received.incrementAndGet(TELEMETRY);
    DecodeResult<TelemetryBatch> r = telemetry.decode(topic, payload);
    if (!r.isOk()) {
      return;
    }
    decoded.incrementAndGet(TELEMETRY);
    TelemetryBatch batch = r.value();
    synchronized (this) {
      board(board, nowNanos).stream(batch.schema().name()).add(batch, nowNanos);
    }
    for (BatchListener l : listeners) {
      try {
        l.onBatch(batch, nowNanos);
      } catch (RuntimeException e) {
        // a listener's failure must not stop decoding (the web feed drops what it cannot take)
      }
    }
  }

  private void onEvent(String board, byte[] payload, long nowNanos) {
    received.incrementAndGet(EVENTS);
    EventPayload e;
    try {
      if (payload.length > maxPayloadBytes) {
        throw new InvalidPayloadException(RejectReason.TOO_LARGE, payload.length + " B");
      }
      e = EventPayload.parse(payload);
      if (!e.board().equals(board)) {
        throw new InvalidPayloadException(RejectReason.TOPIC_MISMATCH, "event of " + e.board() + " on " + board);
      }
    } catch (InvalidPayloadException ex) {
      eventRejects.increment(ex.reason());
      return;
    } catch (RuntimeException ex) {
      eventRejects.increment(RejectReason.INTERNAL_ERROR);
      return;
    }
    decoded.incrementAndGet(EVENTS);
    synchronized (this) {
      board(board, nowNanos);
      addEvent(new MonitorSnapshot.EventEntry(System.currentTimeMillis(), "board", board, e.seq(), e.tUs(), e.kind(),
          e.detail(), e.value()));
    }
  }

  private void onCommand(String board, long nowNanos) {
    // The monitor has no board key: it counts commands; the board reports its verdicts as events.
    received.incrementAndGet(CMD);
    decoded.incrementAndGet(CMD);
    synchronized (this) {
      board(board, nowNanos).commandsSeen++;
    }
  }

  private BoardView board(String id, long nowNanos) {
    BoardView b = boards.computeIfAbsent(id, BoardView::new);
    b.lastSeenNanos = nowNanos;
    return b;
  }

  private void addEvent(MonitorSnapshot.EventEntry e) {
    if (events.size() == eventCapacity) {
      events.removeFirst();
    }
    events.addLast(e);
  }

  /** Messages rejected so far, by topic kind and reason. */
  public Map<String, Map<String, Long>> rejected() {
    Map<String, Map<String, Long>> m = new LinkedHashMap<>();
    m.put("status", statusRejects.snapshot());
    m.put("telemetry", telemetry.counters().snapshot());
    m.put("events", eventRejects.snapshot());
    m.put("cmd", Map.of());
    m.put("other", unknownTopics.get() == 0 ? Map.of() : Map.of(UNKNOWN_TOPIC, unknownTopics.get()));
    return m;
  }

  /** Messages received so far, by topic kind. */
  public Map<String, Long> received() {
    return byKind(received);
  }

  /** Messages decoded so far, by topic kind. */
  public Map<String, Long> decoded() {
    return byKind(decoded);
  }

  private static Map<String, Long> byKind(AtomicLongArray a) {
    Map<String, Long> m = new LinkedHashMap<>();
    for (int i = 0; i < KINDS.size(); i++) {
      m.put(KINDS.get(i), a.get(i));
    }
    return m;
  }

  /** A snapshot now. */
  public MonitorSnapshot snapshot(String broker, String filter, boolean connected) {
    long nowNanos = System.nanoTime();
    List<MonitorSnapshot.BoardSnapshot> list = new ArrayList<>();
    List<MonitorSnapshot.EventEntry> recent;
    synchronized (this) {
      for (BoardView b : boards.values()) {
        list.add(b.snapshot(nowNanos));
      }
      recent = new ArrayList<>(events);
    }
    return new MonitorSnapshot(System.currentTimeMillis(), broker, filter, connected, list, recent, received(), decoded(),
        rejected());
  }

  /** What the monitor tracks of one board (guarded by the state's lock). */
  private static final class BoardView {
    final String id;
    final Map<String, StreamView> streams = new TreeMap<>();
    String state = "unknown";
    StatusPayload status;
    long lastSeenNanos;
    long commandsSeen;

    BoardView(String id) {
      this.id = id;
    }

    StreamView stream(String name) {
      return streams.computeIfAbsent(name, n -> new StreamView(id, n));
    }

    MonitorSnapshot.BoardSnapshot snapshot(long nowNanos) {
      Map<String, Long> counters = status == null ? Map.of() : status.counters();
      long droppedSamples = 0;
      for (String k : SAMPLE_DROPS) {
        droppedSamples += counters.getOrDefault(k, 0L);
      }
      List<MonitorSnapshot.StreamSnapshot> s = new ArrayList<>();
      streams.values().forEach(v -> s.add(v.snapshot(nowNanos)));
      return new MonitorSnapshot.BoardSnapshot(id, state, status == null ? null : status.reason(),
          status == null ? null : status.firmwareVersion(), status == null ? null : status.configHash(),
          status == null ? null : status.law(), status == null ? null : status.format(),
          status == null ? -1 : status.uptimeMs(), (nowNanos - lastSeenNanos) / 1_000_000, counters, droppedSamples,
          counters.getOrDefault("events_dropped", 0L), commandsSeen, s);
    }
  }

  /** One stream's rates, sequence and latest values (guarded by the state's lock). */
  private static final class StreamView {
    final String board;
    final String name;
    final RateMeter rate = new RateMeter();
    final Map<String, Double> latest = new LinkedHashMap<>();
    long messages;
    long samples;
    long lastSeq = -1;
    long gaps;
    long lastTUs;

    StreamView(String board, String name) {
      this.board = board;
      this.name = name;
    }

    void add(TelemetryBatch batch, long nowNanos) {
      rate.add(nowNanos, batch.size());
      messages++;
      samples += batch.size();
      // a lower seq means the board restarted: no gap; both are >= 0, so the difference cannot overflow
      long missing = lastSeq >= 0 ? batch.seq() - lastSeq - 1 : 0;
      if (missing > 0) {
        gaps = missing > Long.MAX_VALUE - gaps ? Long.MAX_VALUE : gaps + missing;
      }
      lastSeq = batch.seq();
      int last = batch.size() - 1;
      lastTUs = batch.tUs(last);
      latest.clear();
      for (int f = 0; f < batch.schema().fieldCount(); f++) {
        latest.put(batch.schema().field(f).name(), batch.value(last, f));
      }
    }

    MonitorSnapshot.StreamSnapshot snapshot(long nowNanos) {
      return new MonitorSnapshot.StreamSnapshot(board, name, rate.messagesPerSecond(nowNanos),
          rate.samplesPerSecond(nowNanos), messages, samples, lastSeq, gaps, lastTUs, latest);
    }
  }
}
