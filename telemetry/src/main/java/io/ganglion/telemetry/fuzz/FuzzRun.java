package io.ganglion.telemetry.fuzz;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.command.CommandKey;
import io.ganglion.telemetry.command.CommandReceiver;
import io.ganglion.telemetry.command.CommandRejection;
import io.ganglion.telemetry.command.CommandVerifier;
import io.ganglion.telemetry.monitor.MonitorState;
import io.ganglion.telemetry.mqtt.MessageHandler;
import io.ganglion.telemetry.mqtt.MqttLink;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.mqtt.ReconnectBackoff;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.Topics;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Sends {@link PayloadFuzzer} messages through a broker to a board (a {@link TelemetryPublisher}
 * with a {@link CommandReceiver} on {@code robots/fuzz-board/cmd/+}) and a monitor ({@link
 * MonitorState} on {@code robots/+/#}), and compares what they decoded and rejected with what was
 * sent. Messages go at QoS 1 with a bounded window, paced so that no broker queue overflows: every
 * message must arrive. What {@code ganglion telemetry fuzz} runs.
 *
 * <p>Only the run's own traffic is counted: the monitor ignores retained messages (they were on
 * the broker before the run; the fuzzer never retains) and topics the fuzzer does not publish to
 * ({@link PayloadFuzzer#isFuzzTopic}), and a retained command left on the board's topic (refused
 * as {@code retained}; the fuzzer never sends one) is not counted as a verdict. So a broker shared
 * with other boards, retained status included, gives the same counts as an empty one.
 */
public final class FuzzRun {

  /** The board under test. */
  public static final String BOARD = "fuzz-board";

  /**
   * @param messages how many messages to send
   * @param seed generator seed
   * @param validFraction share of well-formed messages
   * @param timeoutSeconds how long to wait for the last messages to arrive
   */
  public record Options(long messages, long seed, double validFraction, long timeoutSeconds) {

    /** The longest wait for the last messages: a day (a deadline in nanoseconds overflows after 292 years). */
    public static final long MAX_TIMEOUT_SECONDS = 86_400;

    /** Validates. */
    public Options {
      if (messages < 1) {
        throw new InvalidInputException("the number of messages must be >= 1, got " + messages);
      }
      if (timeoutSeconds < 1 || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
        throw new InvalidInputException("--timeout must be 1.." + MAX_TIMEOUT_SECONDS + " s (a day), got " + timeoutSeconds);
      }
    }
  }

  private FuzzRun() {}

  /** The board's command key for {@code seed} (both sides know it). */
  static CommandKey key(long seed) {
    byte[] k = new byte[32];
    new SplittableRandom(seed).nextBytes(k);
    return CommandKey.fromHex(HexFormat.of().formatHex(k));
  }

  /** Counts what was sent, per topic kind. */
  static final class Expected {
    final Map<FuzzMessage.Target, long[]> counts = new LinkedHashMap<>(); // {sent, valid}
    final Map<FuzzMessage.Target, Map<String, Long>> reasons = new LinkedHashMap<>();

    Expected() {
      for (FuzzMessage.Target t : FuzzMessage.Target.values()) {
        counts.put(t, new long[2]);
        reasons.put(t, new LinkedHashMap<>());
      }
    }

    void add(FuzzMessage m) {
      long[] c = counts.get(m.target());
      c[0]++;
      if (m.valid()) {
        c[1]++;
      } else {
        reasons.get(m.target()).merge(m.expectedReason(), 1L, Long::sum);
      }
    }

    long sent(FuzzMessage.Target t) {
      return counts.get(t)[0];
    }
  }

  /** Runs through the broker of {@code mqtt} (its client id is used as a prefix). */
  public static FuzzReport overBroker(MqttSettings mqtt, Options o) throws InterruptedException {
    CommandKey key = key(o.seed());
    CommandVerifier verifier = new CommandVerifier(BOARD, key, CommandVerifier.DEFAULT_WINDOW_MILLIS, 1 << 20,
        System::currentTimeMillis);
    TelemetryPublisher board = new TelemetryPublisher(mqtt.withClientId(mqtt.clientId() + "-board"),
        new BoardIdentity(BOARD, "fuzz", "0", "none"), List.of(StreamSchema.builder(0, "alive").u8("ok").build()),
        PublisherConfig.defaults());
    CommandReceiver.attach(board, verifier, c -> { }, () -> System.nanoTime() / 1_000);
    MonitorState monitor = new MonitorState();
    AtomicLong monitorSeen = new AtomicLong();
    String ownStatus = Topics.status(BOARD);
    String ownEvents = Topics.events(BOARD);
    MessageHandler monitorHandler = (topic, payload, qos, retained) -> {
      if (topic.equals(ownStatus) || topic.equals(ownEvents)) {
        return; // the board's own (valid) status and command-verdict events are not part of the comparison
      }
      if (retained || !PayloadFuzzer.isFuzzTopic(topic, BOARD)) {
        return; // on the broker before the run, or another board's traffic: not this run's messages
      }
      monitor.onMessage(topic, payload, qos, retained);
      monitorSeen.incrementAndGet();
    };
    MqttLink monitorLink = new MqttLink(mqtt.withClientId(mqtt.clientId() + "-monitor"),
        new ReconnectBackoff(100, 1_000, 0.2, 1), null);
    monitorLink.subscribe(Topics.ALL_BOARDS, Topics.RELIABLE_QOS, monitorHandler);
    Thread poller = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        monitorLink.poll(System.nanoTime());
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "fuzz-monitor");
    poller.setDaemon(true);
    MqttAsyncClient sender = null;
    try {
      board.start();
      poller.start();
      if (!board.awaitConnected(10, TimeUnit.SECONDS)) {
        throw new GanglionException("fuzz: the board cannot connect to " + mqtt.serverUri() + ": " + board.lastConnectionError());
      }
      if (!monitorLink.awaitReady(10, TimeUnit.SECONDS)) {
        throw new GanglionException("fuzz: the monitor cannot subscribe at " + mqtt.serverUri() + ": " + monitorLink.lastError());
      }
      sender = new MqttAsyncClient(mqtt.serverUri(), mqtt.clientId() + "-sender", new MemoryPersistence());
      var options = mqtt.connectOptions();
      sender.connect(options).waitForCompletion(10_000);
      long start = System.nanoTime();
      Expected expected = send(sender, o, monitorSeen, verifier);
      boolean complete = awaitArrival(expected, monitorSeen, verifier, o.timeoutSeconds());
      double seconds = (System.nanoTime() - start) / 1e9;
      long internal = board.counters().getOrDefault("internal_errors", 0L)
          + monitor.rejected().values().stream().mapToLong(m -> m.getOrDefault("internal_error", 0L)).sum();
      long callbackErrors = monitorLink.callbackErrors() + board.counters().getOrDefault("callback_errors", 0L);
      return report(o, expected, monitor, verifier, seconds, callbackErrors, internal, complete);
    } catch (MqttException e) {
      throw new GanglionException("fuzz: cannot send to " + mqtt.serverUri() + ": " + e.getMessage(), e);
    } finally {
      if (sender != null) {
        try {
          sender.disconnect(1_000).waitForCompletion(2_000);
          sender.close();
        } catch (MqttException e) {
          // closing anyway
        }
      }
      poller.interrupt();
      poller.join(1_000);
      monitorLink.close(1_000);
      board.close();
    }
  }

  private static Expected send(MqttAsyncClient sender, Options o, AtomicLong monitorSeen, CommandVerifier verifier)
      throws MqttException, InterruptedException {
    PayloadFuzzer fuzzer = new PayloadFuzzer(o.seed(), o.validFraction(), BOARD, key(o.seed()), System::currentTimeMillis);
    Expected expected = new Expected();
    Semaphore window = new Semaphore(200);
    IMqttActionListener release = new IMqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        window.release();
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        window.release();
      }
    };
    for (long i = 0; i < o.messages(); i++) {
      FuzzMessage m = fuzzer.next();
      // pace: at most 300 messages queued towards the monitor and 200 towards the board: mosquitto queues 1,000 per client by default
      // and the board adds a verdict event per command to the monitor's queue
      while (sentCount(expected) - monitorSeen.get() > 300
          || expected.sent(FuzzMessage.Target.CMD) - verdicts(verifier) > 200) {
        Thread.sleep(1);
      }
      window.acquire();
      sender.publish(m.topic(), m.payload(), 1, false, null, release);
      expected.add(m);
    }
    window.acquire(200);
    return expected;
  }

  private static long sentCount(Expected e) {
    long n = 0;
    for (long[] c : e.counts.values()) {
      n += c[0];
    }
    return n;
  }

  /** Verdicts on this run's commands: a retained command was on the broker before the run (the fuzzer never retains). */
  private static long verdicts(CommandVerifier v) {
    long n = v.acceptedCount();
    for (CommandRejection r : CommandRejection.values()) {
      if (r != CommandRejection.RETAINED) {
        n += v.rejectedCount(r);
      }
    }
    return n;
  }

  private static boolean awaitArrival(Expected e, AtomicLong monitorSeen, CommandVerifier v, long timeoutSeconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (monitorSeen.get() < sentCount(e) || verdicts(v) < e.sent(FuzzMessage.Target.CMD)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    Thread.sleep(200); // anything beyond the expected count (duplicates) would show up now
    return monitorSeen.get() == sentCount(e) && verdicts(v) == e.sent(FuzzMessage.Target.CMD);
  }

  /** Feeds the messages straight into a monitor state and a verifier (no broker): for unit tests. */
  public static FuzzReport offline(Options o) {
    long start = System.nanoTime();
    CommandVerifier verifier = new CommandVerifier(BOARD, key(o.seed()), CommandVerifier.DEFAULT_WINDOW_MILLIS, 1 << 20,
        System::currentTimeMillis);
    MonitorState monitor = new MonitorState();
    PayloadFuzzer fuzzer = new PayloadFuzzer(o.seed(), o.validFraction(), BOARD, key(o.seed()), System::currentTimeMillis);
    Expected expected = new Expected();
    for (long i = 0; i < o.messages(); i++) {
      FuzzMessage m = fuzzer.next();
      expected.add(m);
      monitor.onMessage(m.topic(), m.payload(), 1, false);
      if (m.target() == FuzzMessage.Target.CMD) {
        verifier.verify(m.topic(), m.payload(), false);
      }
    }
    long internal = monitor.rejected().values().stream().mapToLong(m -> m.getOrDefault("internal_error", 0L)).sum();
    return report(o, expected, monitor, verifier, (System.nanoTime() - start) / 1e9, 0, internal, true);
  }

  private static FuzzReport report(Options o, Expected e, MonitorState monitor, CommandVerifier verifier, double seconds,
      long callbackErrors, long internal, boolean complete) {
    Map<String, Long> received = monitor.received();
    Map<String, Long> decoded = monitor.decoded();
    Map<String, Map<String, Long>> rejected = monitor.rejected();
    List<FuzzReport.TargetStats> stats = new ArrayList<>();
    for (FuzzMessage.Target t : FuzzMessage.Target.values()) {
      long[] c = e.counts.get(t);
      if (t == FuzzMessage.Target.CMD) {
        Map<String, Long> refused = new LinkedHashMap<>();
        for (CommandRejection r : CommandRejection.values()) {
          if (r != CommandRejection.RETAINED && verifier.rejectedCount(r) > 0) {
            refused.put(r.key(), verifier.rejectedCount(r));
          }
        }
        stats.add(new FuzzReport.TargetStats(t.key(), c[0], c[1], e.reasons.get(t), verdicts(verifier),
            verifier.acceptedCount(), refused));
      } else {
        stats.add(new FuzzReport.TargetStats(t.key(), c[0], c[1], e.reasons.get(t), received.get(t.key()),
            decoded.get(t.key()), rejected.get(t.key())));
      }
    }
    long sent = 0;
    for (long[] c : e.counts.values()) {
      sent += c[0];
    }
    return new FuzzReport(o.seed(), sent, seconds, stats, callbackErrors, internal, complete);
  }
}
