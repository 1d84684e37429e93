package io.ganglion.telemetry.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.testing.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryLogCrashRecoveryTest {

  @TempDir
  Path dir;

  @Test
  void afterKillDashNineOfTheWriterEveryCompleteRecordIsRecoveredAndTheTornTailTruncated() throws Exception {
    Path log = dir.resolve("crash.glog");
    ChildJvm child = ChildJvm.start(LogWriterChild.class, log.toString());
    child.awaitLine("writing", 30_000);
    Thread.sleep(30);
    child.kill(); // destroyForcibly: SIGKILL in the middle of the write loop

    long length = Files.size(log);
    long body = length - LogFormat.HEADER_BYTES;
    long expectedRecords = body / LogWriterChild.RECORD_BYTES;
    long expectedTorn = body % LogWriterChild.RECORD_BYTES;
    System.out.println("[crash test] file " + length + " B: " + expectedRecords + " complete records, torn tail " + expectedTorn + " B");

    try (TelemetryLogReader reader = new TelemetryLogReader(log)) {
      long i = 0;
      for (LogRecord r; (r = reader.next()) != null; i++) {
        assertEquals(1_000_000L + i, r.receiveTimeUs(), "records are complete and in order");
        assertEquals(LogWriterChild.TOPIC, r.topic());
        assertArrayEquals(LogWriterChild.payload(i), r.payload());
      }
      assertTrue(i > 2_000, "the child wrote at least 2,000 records before the kill");
      assertEquals(expectedRecords, i);
      assertEquals(expectedTorn, reader.report().droppedBytes());
    }

    RecoveryReport report = TelemetryLogs.recover(log);
    assertEquals(expectedRecords, report.records());
    assertEquals(LogFormat.HEADER_BYTES + expectedRecords * LogWriterChild.RECORD_BYTES, Files.size(log));
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, FlushPolicy.defaults())) {
      w.append(7, "robots/crash-board/events", 1, false, new byte[] {1});
    }
    TelemetryLogs.Contents after = TelemetryLogs.read(log);
    assertTrue(after.report().clean());
    assertEquals(expectedRecords + 1, after.records().size());
  }
}
