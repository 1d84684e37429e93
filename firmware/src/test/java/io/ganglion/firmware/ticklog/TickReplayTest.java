package io.ganglion.firmware.ticklog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.inputs.InputsCodec;
import io.ganglion.telemetry.record.FlushPolicy;
import io.ganglion.telemetry.record.LogRecord;
import io.ganglion.telemetry.record.TelemetryLogWriter;
import io.ganglion.telemetry.record.TelemetryLogs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Record a board run (mock board, real drivers on chip fakes), replay it: identical outputs; tamper: not. */
class TickReplayTest {

  @TempDir Path dir;

  static String boardFile() {
    Path p = Path.of("examples", "swimmer6.yaml");
    return (java.nio.file.Files.exists(p) ? p : Path.of("firmware").resolve(p)).toString();
  }

  @Test
  void aRecordedRunReplaysWithBitIdenticalOutputs() throws Exception {
    Path log = dir.resolve("run.glog");
    CliRun run = CliRun.of("run", "--config", boardFile(), "--mock", "--virtual-time", "--duration", "6", "--record",
        log.toString(), "--json");
    assertEquals(0, run.code, run.err);
    CliRun replay = CliRun.of("replay", log.toString(), "--json");
    assertEquals(0, replay.code, replay.out + replay.err);
    JsonNode r = new ObjectMapper().readTree(replay.out);
    assertTrue(r.get("identical").asBoolean());
    assertEquals("swimmer6", r.get("board").asText());
    assertEquals(0, r.get("output_mismatches").asLong());
    assertTrue(r.get("outputs_compared").asLong() >= 6_000, "every 1 kHz servo write: " + r.get("outputs_compared"));
    JsonNode report = new ObjectMapper().readTree(run.out);
    assertEquals(report.get("law_steps").asLong(), r.get("law_steps").asLong(), "the replay stepped the law as often");
  }

  @Test
  void changedSensorReadingsChangeTheOutputsAndTheReplaySaysSo() throws Exception {
    Path log = dir.resolve("run.glog");
    assertEquals(0, CliRun.of("run", "--config", boardFile(), "--mock", "--virtual-time", "--duration", "6", "--record",
        log.toString()).code);
    List<LogRecord> records = TelemetryLogs.read(log).records();
    Path tampered = dir.resolve("tampered.glog");
    InputsCodec codec = InputsCodec.forInstance(new EncoderInputs());
    int angle = 0;
    for (String field : codec.layout().substring(codec.layout().indexOf('{') + 1, codec.layout().length() - 1).split(",")) {
      if (field.startsWith("angleRad:")) {
        break;
      }
      angle++;
    }
    int changed = 0;
    try (TelemetryLogWriter w = TelemetryLogWriter.open(tampered, FlushPolicy.defaults())) {
      int enc2 = 0;
      for (LogRecord r : records) {
        byte[] p = r.payload();
        // joint 2's reads (250 Hz) over 80 ms, 2.8 s into the run: the 30 ms controller sees some of them
        if (r.topic().equals("tick/in/enc2") && ++enc2 >= 700 && enc2 < 720) {
          p = p.clone();
          ByteBuffer b = ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN);
          b.putDouble(8 * angle, b.getDouble(8 * angle) + 0.3);
          changed++;
        }
        w.append(new LogRecord(r.receiveTimeUs(), r.topic(), r.qos(), r.retained(), p));
      }
    }
    assertEquals(20, changed);
    TickReplayer.Result r = TickReplayer.replay(tampered);
    assertFalse(r.identical());
    assertTrue(r.outputMismatches() > 0, "outputs after the changed reading differ");
    assertNotNull(r.firstMismatch());
  }

  @Test
  void aLogCutShortByACrashReplaysIdenticallyUpToWhereItEnds() throws Exception {
    Path log = dir.resolve("run.glog");
    assertEquals(0, CliRun.of("run", "--config", boardFile(), "--mock", "--virtual-time", "--duration", "3", "--record",
        log.toString()).code);
    long size = java.nio.file.Files.size(log);
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(log, java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(size * 2 / 3 + 5); // mid-record, as a kill -9 leaves it
    }
    TickReplayer.Result r = TickReplayer.replay(log);
    assertTrue(r.cutShort() || r.log().droppedBytes() > 0, "the torn tail is noticed");
    assertTrue(r.log().droppedBytes() > 0);
    assertEquals(0, r.outputMismatches());
    assertEquals(null, r.diverged());
    assertTrue(r.identical(), "identical up to where the log ends: " + r);
  }

  @Test
  void aLogCutInsideItsFirstRecordSaysSoInsteadOfNotATickLog() throws Exception {
    Path log = dir.resolve("early.glog");
    assertEquals(0, CliRun.of("run", "--config", boardFile(), "--mock", "--virtual-time", "--duration", "0.1", "--record",
        log.toString()).code);
    try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(log, java.nio.file.StandardOpenOption.WRITE)) {
      ch.truncate(1000); // inside the tick/config record (the board file and settings, several KiB)
    }
    CliRun replay = CliRun.of("replay", log.toString());
    assertEquals(2, replay.code, replay.err);
    assertEquals(1, replay.err.strip().lines().count(), replay.err);
    assertTrue(replay.err.contains("ends inside its first record"), replay.err);
    assertFalse(replay.err.contains("is not a tick log"), replay.err);
  }

  @Test
  void anEmptyLogSaysTheRunStoppedBeforeItsFirstWriteInsteadOfNotATickLog() throws Exception {
    // the recorder writes 1 MiB at a time: a run killed in its first second leaves an empty file
    Path log = dir.resolve("killed.glog");
    java.nio.file.Files.createFile(log);
    CliRun replay = CliRun.of("replay", log.toString());
    assertEquals(2, replay.code, replay.err);
    assertEquals(1, replay.err.strip().lines().count(), replay.err);
    assertTrue(replay.err.contains("is empty"), replay.err);
    assertFalse(replay.err.contains("is not a tick log"), replay.err);
  }
}
