package io.ganglion.telemetry.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.testing.CollectingSubscriber;
import io.ganglion.telemetry.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without --include-commands nothing under robots/<b>/cmd/ is replayed: a verb outside the naming
 * rules (cmd/ARM) still reaches a board subscribed to cmd/+, which then reports a rejected command.
 * Only topics that parsed as well-formed command topics used to be skipped.
 */
class ReplayCommandSkippingTest {

  @TempDir
  Path dir;

  @Test
  void everyMessageUnderACommandTopicIsSkippedUnlessIncluded() throws Exception {
    Path log = dir.resolve("cmds.glog");
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, FlushPolicy.defaults())) {
      w.append(1, "robots/skip-b1/cmd/arm", 1, false, body);
      w.append(2, "robots/skip-b1/cmd/ARM", 1, false, body);
      w.append(3, "robots/skip-b1/cmd/set/x", 1, false, body);
      w.append(4, "robots/skip-b1/events", 1, false, body);
    }
    try (TestBroker broker = TestBroker.start();
         CollectingSubscriber board = new CollectingSubscriber(broker.url(), "skip-board", "robots/skip-b1/#")) {
      TelemetryReplayer.Report r = TelemetryReplayer.replay(log, MqttSettings.of(broker.url(), "skip-replayer"),
          TelemetryReplayer.Options.asFastAsPossible());
      assertEquals(3, r.skipped());
      assertEquals(1, r.published());
      assertNotNull(board.awaitTopic("robots/skip-b1/events", 5_000));
      assertNull(board.await(m -> m.topic().contains("/cmd/"), 500), "no command topic was published");

      TelemetryReplayer.Report all = TelemetryReplayer.replay(log, MqttSettings.of(broker.url(), "skip-replayer"),
          new TelemetryReplayer.Options(0, true));
      assertEquals(0, all.skipped());
      assertEquals(4, all.published());
    }
  }
}
