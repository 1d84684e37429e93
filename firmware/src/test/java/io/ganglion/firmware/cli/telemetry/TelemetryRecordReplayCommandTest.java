package io.ganglion.firmware.cli.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.testing.DemoBoard;
import io.ganglion.firmware.testing.TestBroker;
import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.monitor.MonitorSnapshot;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.record.FlushPolicy;
import io.ganglion.telemetry.record.LogRecord;
import io.ganglion.telemetry.record.TelemetryLogWriter;
import io.ganglion.telemetry.record.TelemetryLogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryRecordReplayCommandTest {

  static TestBroker broker;
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void recordsABoardThenReplaysTheLogToAMonitorAsFastAsPossible() throws Exception {
    Path log = dir.resolve("b1.glog");
    CompletableFuture<CliRun> record = CompletableFuture.supplyAsync(() -> CliRun.of("telemetry", "record", "--broker",
        broker.url(), "--board", "rec1", "--out", log.toString(), "--duration", "2", "--json"));
    Thread.sleep(500);
    try (DemoBoard board = new DemoBoard(broker.url(), "rec1")) {
      Thread.sleep(1_000);
    }
    CliRun r = record.get(20, TimeUnit.SECONDS);
    assertEquals(0, r.code, r.err);
    JsonNode summary = JSON.readTree(r.out);
    List<LogRecord> records = TelemetryLogs.read(log).records();
    assertEquals(records.size(), summary.get("records").asLong());
    assertTrue(records.size() > 5, "status, batches and events: " + records.size());
    assertTrue(records.stream().anyMatch(x -> x.topic().equals("robots/rec1/telemetry/joints")));
    assertTrue(records.stream().anyMatch(x -> x.topic().equals("robots/rec1/events")));
    assertTrue(records.stream().allMatch(x -> x.topic().startsWith("robots/rec1/")), "only the board asked for");
    assertEquals("duration", summary.get("stopped_by").asText());
    long batches = records.stream().filter(x -> x.topic().contains("/telemetry/")).count();

    try (Monitor m = Monitor.start(MqttSettings.of(broker.url(), "replay-watcher"), "rec1")) {
      assertTrue(m.awaitSubscribed(10, TimeUnit.SECONDS));
      CliRun replay = CliRun.of("telemetry", "replay", log.toString(), "--broker", broker.url(), "--speed", "0", "--json");
      assertEquals(0, replay.code, replay.err);
      JsonNode rs = JSON.readTree(replay.out);
      assertEquals(records.size(), rs.get("published").asLong());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      MonitorSnapshot s = m.snapshot();
      while (s.decoded().get("telemetry") < batches && System.nanoTime() < deadline) {
        Thread.sleep(20);
        s = m.snapshot();
      }
      assertEquals(batches, s.decoded().get("telemetry"), "every recorded batch arrives again and decodes");
      assertEquals(0, s.rejectedTotal());
    }
  }

  @Test
  void aTornTailIsReportedAndTruncatedBeforeRecordingAppends() throws Exception {
    Path log = dir.resolve("torn.glog");
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, FlushPolicy.defaults())) {
      for (int i = 0; i < 3; i++) {
        w.append(1_000L * i, "robots/x/events", 1, false, ("{\"n\":" + i + "}").getBytes());
      }
    }
    Files.write(log, new byte[] {40, 0, 0, 0, 1, 2, 3}, StandardOpenOption.APPEND); // a record cut short
    CliRun r = CliRun.of("telemetry", "record", "--broker", broker.url(), "--out", log.toString(), "--duration", "0.3",
        "--json");
    assertEquals(0, r.code, r.err);
    assertTrue(r.err.contains("torn tail") && r.err.contains("truncated 7 bytes"), r.err);
    JsonNode summary = JSON.readTree(r.out);
    assertEquals(3, summary.get("recovered_records").asLong());
    assertEquals(7, summary.get("recovered_dropped_bytes").asLong());
    assertTrue(TelemetryLogs.read(log).report().clean());
  }

  @Test
  void theEmbeddedBrokerServesALocalRecording() {
    Path log = dir.resolve("embedded.glog");
    CliRun r = CliRun.of("telemetry", "record", "--broker", "embedded", "--broker-port", "0", "--out", log.toString(),
        "--duration", "0.3");
    assertEquals(0, r.code, r.err);
    assertTrue(r.err.contains("embedded MQTT broker at tcp://127.0.0.1:"), r.err);
    assertTrue(r.out.contains("recorded 0 messages"), r.out);
  }

  @Test
  void badOptionsAreUsageErrorsWithOneLine() {
    CliRun flush = CliRun.of("telemetry", "record", "--broker", broker.url(), "--out", dir.resolve("x").toString(), "--flush", "often");
    assertEquals(2, flush.code);
    assertTrue(flush.err.contains("--flush 'often' is invalid"), flush.err);
    CliRun board = CliRun.of("telemetry", "record", "--broker", broker.url(), "--out", dir.resolve("x").toString(), "--board", "a/b");
    assertEquals(2, board.code);
    assertTrue(board.err.contains("board id 'a/b' is invalid"), board.err);
    CliRun url = CliRun.of("telemetry", "replay", "missing.glog", "--broker", broker.url());
    assertEquals(2, url.code);
    assertTrue(url.err.contains("does not exist"), url.err);
    CliRun scheme = CliRun.of("telemetry", "record", "--broker", "http://x:1", "--out", dir.resolve("y").toString());
    assertEquals(2, scheme.code);
    assertTrue(scheme.err.contains("use tcp:// or ssl://"), scheme.err);
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aDurationThatIsNotAPositiveNumberOfSecondsIsRefusedInsteadOfRecordingForever() throws Exception {
    for (String bad : new String[] {"0", "-1", "NaN"}) {
      Path log = dir.resolve("d" + bad + ".glog");
      CliRun r = CliRun.of("telemetry", "record", "--broker", broker.url(), "--out", log.toString(), "--duration", bad);
      assertEquals(2, r.code, bad + ": " + r.err);
      assertEquals(1, r.err.strip().lines().count(), r.err);
      assertTrue(r.err.contains("--duration must be a positive number of seconds"), r.err);
      assertFalse(Files.exists(log), "no log created");
    }
  }

  @Test
  void aShortFileThatIsNotALogIsRefusedAndNeverRewritten() throws Exception {
    Path notes = dir.resolve("notes.txt");
    Files.writeString(notes, "my notes\n");
    CliRun record = CliRun.of("telemetry", "record", "--broker", broker.url(), "--out", notes.toString(), "--duration", "0.2");
    assertEquals(2, record.code, record.err);
    assertTrue(record.err.contains("is not a Ganglion telemetry log"), record.err);
    assertEquals("my notes\n", Files.readString(notes), "the user's file is untouched");
    Path garbage = dir.resolve("garbage.glog");
    Files.writeString(garbage, "garbage\n");
    CliRun replay = CliRun.of("telemetry", "replay", garbage.toString(), "--broker", broker.url());
    assertEquals(2, replay.code, replay.err);
    assertEquals(1, replay.err.strip().lines().count(), replay.err);
    assertTrue(replay.err.contains("is not a Ganglion telemetry log"), replay.err);
  }

  @Test
  void aTickLogIsRefusedWithAHintToReplayItAsOne() throws Exception {
    Path tick = dir.resolve("run.tlog");
    CliRun run = CliRun.of("run", "--config", "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", "0.2",
        "--record", tick.toString());
    assertEquals(0, run.code, run.err);
    CliRun replay = CliRun.of("telemetry", "replay", tick.toString(), "--broker", broker.url(), "--speed", "0");
    assertEquals(2, replay.code, replay.err);
    assertEquals(1, replay.err.strip().lines().count(), replay.err);
    assertTrue(replay.err.contains("is a tick log (ganglion run --record), not telemetry; use ganglion replay "
        + tick), replay.err);
    assertTrue(replay.out.isEmpty(), "nothing was replayed: " + replay.out);
  }
}
