package io.ganglion.telemetry.publish;

import io.ganglion.telemetry.mqtt.LastWill;
import io.ganglion.telemetry.mqtt.MessageHandler;
import io.ganglion.telemetry.mqtt.MqttLink;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.mqtt.ReconnectBackoff;
import io.ganglion.telemetry.protocol.EventPayload;
import io.ganglion.telemetry.protocol.FieldType;
import io.ganglion.telemetry.protocol.StatusPayload;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.TelemetryCodec;
import io.ganglion.telemetry.protocol.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * A board's MQTT publisher. The control loop hands samples and events to it through {@link
 * TelemetryTap} (preallocated ring, no blocking, no allocation); its own thread drains the ring,
 * batches samples per stream (by count or delay), encodes them and publishes on {@code
 * robots/<board>/telemetry/<stream>} (QoS 0), publishes events (QoS 1), publishes the retained
 * {@code status} birth message after every (re)connect and refreshes it with the counters, and
 * reconnects with exponential backoff. The MQTT last will marks the board offline; {@link
 * #close()} publishes the offline status itself and disconnects.
 *
 * <p>Nothing the loop calls waits on the network: when the broker is slow or gone, samples are
 * dropped and counted ({@code ring_overflow}, {@code not_connected}, {@code backpressure}, {@code
 * publish_failed}); events wait in their bounded queue while disconnected.
 */
public final class TelemetryPublisher implements TelemetryTap, AutoCloseable {

  private final BoardIdentity identity;
  private final PublisherConfig config;
  private final List<StreamSchema> streams;
  private final String[] topics;
  private final FieldType[][] types;
  private final SampleRing ring;
  private final EventQueue events;
  private final SampleWriter writer;
  private final PublisherCounters counters = new PublisherCounters();
  private final Batcher batcher;
  private final MqttLink link;
  private final List<Supplier<Map<String, Long>>> extraCounters = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private final IMqttActionListener batchListener;
  private final Batcher.Sender sender = this::send;
  private final IMqttActionListener eventListener;
  private final long startMillis = System.currentTimeMillis();
  private final String eventsTopic;
  private final String statusTopic;
  private volatile boolean stopRequested;
  private volatile boolean started;
  private long nextStatusNanos;

  /**
   * @param mqtt broker and client id (e.g. {@code ganglion-<board>})
   * @param identity what the status says about the board
   * @param streams the streams, addressed by their index in this list
   * @param config batching, memory bounds, reconnect backoff
   */
  public TelemetryPublisher(MqttSettings mqtt, BoardIdentity identity, List<StreamSchema> streams, PublisherConfig config) {
    this.identity = identity;
    this.config = config;
    this.streams = List.copyOf(streams);
    if (this.streams.isEmpty()) {
      throw new io.ganglion.drivers.InvalidInputException("a telemetry publisher needs at least one stream");
    }
    int maxFields = 1;
    this.topics = new String[this.streams.size()];
    this.types = new FieldType[this.streams.size()][];
    for (int i = 0; i < topics.length; i++) {
      StreamSchema s = this.streams.get(i);
      for (int j = 0; j < i; j++) {
        if (this.streams.get(j).name().equals(s.name())) {
          throw new io.ganglion.drivers.InvalidInputException("stream '" + s.name() + "' is declared twice");
        }
      }
      topics[i] = Topics.telemetry(identity.boardId(), s.name());
      types[i] = new FieldType[s.fieldCount()];
      for (int f = 0; f < s.fieldCount(); f++) {
        types[i][f] = s.type(f);
      }
      maxFields = Math.max(maxFields, s.fieldCount());
    }
    this.ring = new SampleRing(config.ringCapacity(), maxFields);
    this.events = new EventQueue(config.eventCapacity());
    this.writer = new SampleWriter(ring, types, () -> counters.badOffer.lazySet(counters.badOffer.get() + 1));
    this.batcher = new Batcher(identity.boardId(), this.streams, config, TelemetryCodec.of(config.format()));
    this.eventsTopic = Topics.events(identity.boardId());
    this.statusTopic = Topics.status(identity.boardId());
    this.link = new MqttLink(mqtt, new ReconnectBackoff(config.reconnectInitialMillis(), config.reconnectMaxMillis(), 0.2,
        identity.boardId().hashCode()), this::lastWill);
    this.batchListener = counters.completionListener(false);
    this.eventListener = counters.completionListener(true);
    this.thread = new Thread(this::run, "ganglion-telemetry-" + identity.boardId());
    this.thread.setDaemon(true);
  }

  // ---------------------------------------------------------------- loop side (TelemetryTap)

  @Override
  public int streamIndex(String name) {
    for (int i = 0; i < streams.size(); i++) {
      if (streams.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean offer(int stream, long tUs, double[] values) {
    if (stream < 0 || stream >= types.length || values.length != types[stream].length) {
      counters.badOffer.lazySet(counters.badOffer.get() + 1);
      return false;
    }
    int offset = ring.claim(stream, tUs);
    if (offset < 0) {
      return false;
    }
    long[] slot = ring.values();
    FieldType[] t = types[stream];
    for (int f = 0; f < t.length; f++) {
      slot[offset + f] = t[f].rawFromDouble(values[f]);
    }
    ring.commit();
    return true;
  }

  @Override
  public boolean offerRaw(int stream, long tUs, long[] raw) {
    if (stream < 0 || stream >= types.length || raw.length != types[stream].length) {
      counters.badOffer.lazySet(counters.badOffer.get() + 1);
      return false;
    }
    int offset = ring.claim(stream, tUs);
    if (offset < 0) {
      return false;
    }
    System.arraycopy(raw, 0, ring.values(), offset, raw.length);
    ring.commit();
    return true;
  }

  @Override
  public SampleWriter claim(int stream, long tUs) {
    if (stream < 0 || stream >= types.length) {
      counters.badOffer.lazySet(counters.badOffer.get() + 1);
      return null;
    }
    int offset = ring.claim(stream, tUs);
    return offset < 0 ? null : writer.open(stream, offset);
  }

  @Override
  public boolean offerEvent(long tUs, String kind, String detail, double value) {
    return events.offer(tUs, kind, detail, value);
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * Registers a subscription on this board's connection (e.g. {@code robots/<board>/cmd/+}),
   * renewed after every reconnect. Call before {@link #start()}.
   */
  public void subscribe(String topicFilter, int qos, MessageHandler handler) {
    if (started) {
      throw new IllegalStateException("subscribe before start()");
    }
    link.subscribe(topicFilter, qos, handler);
  }

  /** Adds counters (e.g. the command verifier's) to every status payload. */
  public void addStatusCounters(Supplier<Map<String, Long>> supplier) {
    extraCounters.add(supplier);
  }

  /** Starts the publisher thread (connects in the background). */
  public synchronized void start() {
    if (!started) {
      started = true;
      thread.start();
    }
  }

  /** True while connected to the broker. */
  public boolean isConnected() {
    return link.isConnected();
  }

  /**
   * Waits until connected and every subscription (e.g. commands) is acknowledged by the broker
   * (for tools and tests; the loop never calls this).
   */
  public boolean awaitConnected(long timeout, TimeUnit unit) throws InterruptedException {
    return link.awaitReady(timeout, unit);
  }

  /** The broker URL this publisher connects to. */
  public String serverUri() {
    return link.settings().serverUri();
  }

  /** The board identity. */
  public BoardIdentity identity() {
    return identity;
  }

  /** The streams, by index. */
  public List<StreamSchema> streams() {
    return streams;
  }

  /** The last connection error ("" when none), for diagnostics. */
  public String lastConnectionError() {
    return link.lastError();
  }

  /**
   * Drains what the loop has queued, publishes the offline status (reason {@code shutdown}) and
   * disconnects; waits at most a few seconds. Idempotent.
   */
  @Override
  public void close() {
    stopRequested = true;
    if (started) {
      LockSupport.unpark(thread);
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else {
      link.close(100);
    }
  }

  // ---------------------------------------------------------------- counters and status

  /** Every counter, in a stable order (the status payload's {@code counters}). */
  public Map<String, Long> counters() {
    return counters.snapshot(ring, events, link, extraCounters);
  }

  /** The status payload as it would be published now. */
  public StatusPayload status(StatusPayload.State state, String reason, boolean withCounters) {
    List<String> names = new ArrayList<>();
    streams.forEach(s -> names.add(s.name()));
    return new StatusPayload(state, identity.boardId(), identity.firmwareVersion(), identity.configHash(), identity.law(),
        config.format().key(), names, reason, System.currentTimeMillis(),
        System.currentTimeMillis() - startMillis, withCounters ? counters() : Map.of());
  }

  private LastWill lastWill() {
    return new LastWill(statusTopic, status(StatusPayload.State.OFFLINE, StatusPayload.REASON_CONNECTION_LOST, false).toJson(),
        Topics.RELIABLE_QOS, true);
  }

  // ---------------------------------------------------------------- publisher thread

  private void run() {
    long parkNanos = TimeUnit.MICROSECONDS.toNanos(config.idleParkMicros());
    while (!stopRequested) {
      try {
        long now = System.nanoTime();
        MqttLink.Change change = link.poll(now);
        if (change == MqttLink.Change.LOST) {
          counters.connectionLost();
        }
        if (change == MqttLink.Change.CONNECTED) {
          counters.inFlight.set(0);
          publishStatus(StatusPayload.State.ONLINE, null);
          nextStatusNanos = now + TimeUnit.MILLISECONDS.toNanos(config.statusPeriodMillis());
        }
        boolean worked = drainRing(now);
        worked |= batcher.flushDue(now, sender);
        worked |= publishEvents();
        if (link.isConnected() && now - nextStatusNanos >= 0) {
          publishStatus(StatusPayload.State.ONLINE, null);
          nextStatusNanos = now + TimeUnit.MILLISECONDS.toNanos(config.statusPeriodMillis());
        }
        if (!worked) {
          LockSupport.parkNanos(parkNanos);
        }
      } catch (RuntimeException e) {
        counters.internalErrors.incrementAndGet();
        LockSupport.parkNanos(parkNanos);
      }
    }
    shutdown();
  }

  private void shutdown() {
    try {
      long now = System.nanoTime();
      drainRing(now);
      batcher.flushAll(sender);
      publishEvents();
      if (link.isConnected()) {
        IMqttToken token = link.publish(statusTopic, status(StatusPayload.State.OFFLINE, StatusPayload.REASON_SHUTDOWN, true)
            .toJson(), Topics.RELIABLE_QOS, true, null, null);
        token.waitForCompletion(2_000);
      }
    } catch (MqttException | RuntimeException e) {
      counters.internalErrors.incrementAndGet();
    } finally {
      link.close(2_000);
    }
  }

  /** Moves every committed sample from the ring into its stream's batch, sending full batches. */
  private boolean drainRing(long now) {
    long s = ring.tailSequence();
    long available = ring.available(s);
    if (available == 0) {
      return false;
    }
    long end = s + available;
    if (!link.isConnected()) {
      counters.notConnected.addAndGet(available); // nobody to send to: drop without encoding
      ring.release(end);
      return true;
    }
    long[] values = ring.values();
    for (; s < end; s++) {
      batcher.add(ring.stream(s), ring.time(s), values, ring.valueOffset(s), now, sender);
    }
    ring.release(end);
    return true;
  }

  /** Sends one encoded batch of {@code samples} samples on stream {@code stream}. */
  private void send(int stream, byte[] payload, int samples) {
    if (!link.isConnected()) {
      counters.notConnected.addAndGet(samples);
      return;
    }
    if (counters.inFlight.get() >= config.maxInFlightMessages()) {
      counters.backpressure.addAndGet(samples);
      return;
    }
    long context = counters.beginBatch(samples);
    try {
      counters.inFlight.incrementAndGet();
      link.publish(topics[stream], payload, Topics.TELEMETRY_QOS, false, context, batchListener);
      counters.batchesSent.incrementAndGet();
    } catch (MqttException e) {
      counters.abortBatch(context);
      counters.decrementInFlight();
      if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED) {
        counters.notConnected.addAndGet(samples);
      } else {
        counters.publishFailed.addAndGet(samples);
      }
    }
  }

  private boolean publishEvents() {
    boolean worked = false;
    while (link.isConnected() && events.hasNext()) {
      EventPayload e = new EventPayload(identity.boardId(), events.headNumber(), events.headTime(), events.headKind(),
          events.headDetail(), events.headValue());
      try {
        link.publish(eventsTopic, e.toJson(), Topics.RELIABLE_QOS, false, null, eventListener);
        counters.eventsSent.incrementAndGet();
        events.consume();
        worked = true;
      } catch (MqttException ex) {
        return worked; // not connected or too many in flight: the event waits in the queue
      } catch (RuntimeException ex) {
        counters.internalErrors.incrementAndGet(); // e.g. an invalid kind: drop it, count it
        events.consume();
      }
    }
    return worked;
  }

  private void publishStatus(StatusPayload.State state, String reason) {
    try {
      link.publish(statusTopic, status(state, reason, true).toJson(), Topics.RELIABLE_QOS, true, null, null);
      counters.statusSent.incrementAndGet();
    } catch (MqttException e) {
      // not connected or too many in flight: the next period retries
    }
  }
}
