package io.ganglion.telemetry.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.testing.CollectingSubscriber;
import io.ganglion.telemetry.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CRC-valid record whose topic MQTT cannot publish (a foreign or hand-made file) stops the replay
 * with one input error naming the record's byte offset; it used to escape as Paho's
 * IllegalArgumentException (an internal error) or, for a control character, hang the replay forever
 * (Paho's sender thread dropped the connection without completing the publish).
 */
class ReplayUnpublishableTopicTest {

  static TestBroker broker;

  @TempDir
  Path dir;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  /** A log of a valid event, then {@code topic}; returns the byte offset of the second record. */
  private Path log(String name, String topic) {
    Path log = dir.resolve(name);
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, FlushPolicy.defaults())) {
      w.append(1_000, "robots/b1/events", 1, false, "{}".getBytes(StandardCharsets.UTF_8));
      w.append(2_000, topic, 0, false, "{}".getBytes(StandardCharsets.UTF_8));
    }
    return log;
  }

  private static long secondRecordOffset() {
    return LogFormat.HEADER_BYTES + LogFormat.FRAME_BYTES + LogFormat.BODY_FIXED_BYTES + "robots/b1/events".length() + 2;
  }

  private InvalidInputException replayFails(Path log) throws Exception {
    try (CollectingSubscriber sub = new CollectingSubscriber(broker.url(), "unpub-watch-" + log.getFileName(), "robots/#")) {
      InvalidInputException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
          InvalidInputException.class, () -> TelemetryReplayer.replay(log, MqttSettings.of(broker.url(), "unpub-replayer"),
              TelemetryReplayer.Options.asFastAsPossible())));
      assertNotNull(sub.awaitTopic("robots/b1/events", 5_000), "the valid record before it was published");
      return e;
    }
  }

  @Test
  void aWildcardTopicIsAnInputErrorWithTheRecordsByteOffset() throws Exception {
    InvalidInputException e = replayFails(log("wild.glog", "robots/+/events"));
    assertTrue(e.getMessage().contains("record at byte " + secondRecordOffset()), e.getMessage());
    assertTrue(e.getMessage().contains("wildcard"), e.getMessage());
    assertTrue(e.getMessage().contains("after 1 messages"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void aControlCharacterInTheTopicIsAnInputErrorNotAHang() throws Exception {
    InvalidInputException e = replayFails(log("nul.glog", "robots/b1/a\u0000b"));
    assertTrue(e.getMessage().contains("record at byte " + secondRecordOffset()), e.getMessage());
    assertTrue(e.getMessage().contains("U+0000") && e.getMessage().contains("a\\u0000b"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
  }

  @Test
  void anEmptyTopicIsAnInputError() throws Exception {
    InvalidInputException e = replayFails(log("empty.glog", ""));
    assertTrue(e.getMessage().contains("record at byte " + secondRecordOffset()), e.getMessage());
  }

  @Test
  void topicsTheClientAcceptsAreNotRefused() {
    assertEquals(null, TelemetryReplayer.unpublishable("robots/b1/telemetry/joints"));
    assertEquals(null, TelemetryReplayer.unpublishable("robots/b1/\u00fcber/\u65e5\u672c/\ud83d\ude00"));
    assertNotNull(TelemetryReplayer.unpublishable("robots/b1/\ufffd"));
    assertNotNull(TelemetryReplayer.unpublishable("robots/b1/\ud83d"));
  }
}
