package io.ganglion.telemetry.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.StatusPayload;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.TelemetryReceiver;
import io.ganglion.telemetry.protocol.Topics;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import io.ganglion.telemetry.testing.CollectingSubscriber;
import io.ganglion.telemetry.testing.TestBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReplayRoundTripTest {

  static final StreamSchema S = StreamSchema.builder(3, "body").f64("x_m").f64("y_m").build();

  @TempDir
  Path dir;

  @Test
  void aRecordedSessionReplaysTheSameMessagesInOrderWithScaledTiming() throws Exception {
    String board = "rec-board";
    Path log = dir.resolve("session.glog");
    try (TestBroker broker = TestBroker.start()) {
      try (TelemetryRecorder recorder = TelemetryRecorder.start(MqttSettings.of(broker.url(), "recorder"), board, log,
          FlushPolicy.defaults())) {
        assertTrue(recorder.awaitSubscribed(10, TimeUnit.SECONDS), recorder.lastConnectionError());
        try (TelemetryPublisher p = new TelemetryPublisher(MqttSettings.of(broker.url(), "ganglion-" + board),
            new BoardIdentity(board, "0.1.0", "abc", "ncap"), List.of(S), PublisherConfig.defaults().withBatching(20, 5_000))) {
          p.start();
          assertTrue(p.awaitConnected(10, TimeUnit.SECONDS));
          for (int i = 0; i < 200; i++) {
            p.offer(0, i * 1_000L, i, -i);
            if (i % 20 == 19) {
              Thread.sleep(10); // ~10 batches spread over ~100 ms
            }
          }
          p.offerEvent(200_000, "fault", "test", 1.0);
        } // close: drains, publishes offline status
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (recorder.records() < 13 && System.nanoTime() < deadline) {
          Thread.sleep(10); // online status + 10 batches + event + offline status
        }
      }
      TelemetryLogs.Contents recorded = TelemetryLogs.read(log);
      assertTrue(recorded.report().clean());
      List<LogRecord> telemetry = new ArrayList<>();
      TelemetryReceiver receiver = new TelemetryReceiver().expect(S);
      int samples = 0;
      for (LogRecord r : recorded.records()) {
        if (r.topic().equals(Topics.telemetry(board, "body"))) {
          telemetry.add(r);
          samples += receiver.decode(r.topic(), r.payload()).value().size();
        }
      }
      assertEquals(200, samples, "every sample was recorded");
      assertEquals(StatusPayload.State.ONLINE, StatusPayload.parse(recorded.records().get(0).payload()).state());
      assertTrue(recorded.records().stream().anyMatch(r -> r.topic().equals(Topics.events(board))));

      // Replay into a subscriber at 2x speed.
      try (CollectingSubscriber sub = new CollectingSubscriber(broker.url(), "replay-watcher", Topics.boardFilter(board))) {
        sub.awaitTopic(Topics.status(board), 2_000); // the retained offline status of the live session
        sub.drain();
        TelemetryReplayer.Report report = TelemetryReplayer.replay(log, MqttSettings.of(broker.url(), "replayer"),
            new TelemetryReplayer.Options(2.0, false));
        assertEquals(recorded.records().size(), report.published());
        long spanUs = recorded.records().get(recorded.records().size() - 1).receiveTimeUs() - recorded.records().get(0).receiveTimeUs();
        assertTrue(report.elapsedMillis() >= spanUs / 2_000 - 1, "a 2x replay takes at least half the recorded span: "
            + report.elapsedMillis() + " ms vs span " + spanUs / 1000 + " ms");
        for (LogRecord original : recorded.records()) {
          CollectingSubscriber.Received r = sub.await(m -> true, 5_000);
          assertNotNull(r, "replayed message " + original);
          assertEquals(original.topic(), r.topic());
          assertArrayEquals(original.payload(), r.payload());
        }
      }
    }
  }
}
