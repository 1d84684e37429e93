package io.ganglion.telemetry.record;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.mqtt.MqttLink;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.mqtt.ReconnectBackoff;
import io.ganglion.telemetry.protocol.Topics;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every message under {@code robots/<board>/#} (or {@code robots/+/#} for all boards) into
 * an append-only telemetry log: receive time, topic, QoS, retain flag, payload. Subscribes with QoS
 * 1; flushes by its {@link FlushPolicy} (its own thread applies the time rule). What {@code
 * ganglion telemetry record} runs.
 *
 * <p>Two kinds of trouble, handled apart: a broker link error (refused, lost, timed out) is
 * retried with backoff and re-subscribed, and recording goes on ({@code connection_losses});
 * a write error on the log file stops the recording for good ({@link #failure()}, the {@code
 * onFailure} callback): later messages are dropped rather than written after a hole, and the
 * file keeps every complete record written before (see {@link TelemetryLogWriter}).
 */
public final class TelemetryRecorder implements AutoCloseable {

  private final TelemetryLogWriter writer;
  private final MqttLink link;
  private final Thread thread;
  private final long startEpochMicros = System.currentTimeMillis() * 1_000;
  private final long startNanos = System.nanoTime();
  private final AtomicLong writeErrors = new AtomicLong();
  private final AtomicLong tooLarge = new AtomicLong();
  private final AtomicLong droppedAfterFailure = new AtomicLong();
  private final Runnable onFailure;
  private volatile GanglionException failure;
  private volatile boolean stop;

  private TelemetryRecorder(MqttSettings mqtt, String board, Path out, FlushPolicy policy, Runnable onFailure) {
    this.onFailure = onFailure;
    this.writer = TelemetryLogWriter.open(out, policy);
    this.link = new MqttLink(mqtt, new ReconnectBackoff(100, 5_000, 0.2, out.hashCode()), null);
    link.subscribe(Topics.boardFilter(board), Topics.RELIABLE_QOS, this::onMessage);
    long period = policy.everyMillis() > 0 ? Math.max(1, Math.min(20, policy.everyMillis() / 2)) : 20;
    this.thread = new Thread(() -> run(period), "ganglion-recorder");
    this.thread.setDaemon(true);
  }

  /**
   * Opens (or recovers and appends to) {@code out} and starts recording.
   *
   * @param board a board id, or null for every board
   */
  public static TelemetryRecorder start(MqttSettings mqtt, String board, Path out, FlushPolicy policy) {
    return start(mqtt, board, out, policy, () -> { });
  }

  /**
   * {@link #start(MqttSettings, String, Path, FlushPolicy)}, calling {@code onFailure} (once, from
   * a recording thread) when a write error on the log stops the recording.
   */
  public static TelemetryRecorder start(MqttSettings mqtt, String board, Path out, FlushPolicy policy,
      Runnable onFailure) {
    TelemetryRecorder r = new TelemetryRecorder(mqtt, board, out, policy, onFailure);
    r.thread.start();
    return r;
  }

  private void onMessage(String topic, byte[] payload, int qos, boolean retained) {
    if (failure != null) {
      droppedAfterFailure.incrementAndGet();
      return;
    }
    long nowUs = startEpochMicros + (System.nanoTime() - startNanos) / 1_000;
    try {
      writer.append(nowUs, topic, qos, retained, payload);
    } catch (InvalidInputException e) {
      tooLarge.incrementAndGet();
    } catch (GanglionException e) {
      failed(e);
    } catch (IllegalStateException e) {
      droppedAfterFailure.incrementAndGet(); // closed: a message racing close()
    }
  }

  private synchronized void failed(GanglionException e) {
    writeErrors.incrementAndGet();
    if (failure == null) {
      failure = e;
      onFailure.run();
    }
  }

  private void run(long periodMillis) {
    while (!stop) {
      link.poll(System.nanoTime()); // link errors: MqttLink retries with backoff, never throws
      if (failure == null) {
        try {
          writer.flushIfDue(System.currentTimeMillis());
        } catch (GanglionException e) {
          failed(e);
        }
      }
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Waits until subscribed (for tools and tests). */
  public boolean awaitSubscribed(long timeout, TimeUnit unit) throws InterruptedException {
    return link.awaitReady(timeout, unit);
  }

  /** The write error that stopped the recording (one line, with how much the log keeps), or null. */
  public GanglionException failure() {
    return failure;
  }

  /** What opening the log found (a recovered torn tail of a previous run). */
  public RecoveryReport recovery() {
    return writer.recovery();
  }

  /** Records written so far. */
  public long records() {
    return writer.records();
  }

  /** Counters: records, bytes, write errors, messages too large to record, connects, losses. */
  public Map<String, Long> counters() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("records", writer.records());
    m.put("bytes", writer.bytes());
    m.put("write_errors", writeErrors.get());
    m.put("dropped_after_write_error", droppedAfterFailure.get());
    m.put("too_large", tooLarge.get());
    m.put("connects", link.connects());
    m.put("connection_losses", link.losses());
    return m;
  }

  /** The last connection error ("" when none). */
  public String lastConnectionError() {
    return link.lastError();
  }

  /** Stops recording, disconnects, flushes and closes the log. */
  @Override
  public void close() {
    stop = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    link.close(1_000);
    try {
      writer.close();
    } catch (GanglionException e) {
      failed(e); // the last flush failed: reported like any write error
    }
  }
}
