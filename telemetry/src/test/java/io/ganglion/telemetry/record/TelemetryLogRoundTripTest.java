package io.ganglion.telemetry.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryLogRoundTripTest {

  @TempDir
  Path dir;

  static List<LogRecord> randomRecords(long seed, int n) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<LogRecord> out = new ArrayList<>();
    long t = 1_700_000_000_000_000L;
    for (int i = 0; i < n; i++) {
      t += rnd.nextInt(10_000);
      byte[] payload = new byte[rnd.nextInt(0, rnd.nextInt(10) == 0 ? 100_000 : 300)];
      for (int k = 0; k < payload.length; k++) {
        payload[k] = (byte) rnd.nextInt();
      }
      String topic = "robots/b" + rnd.nextInt(3) + (rnd.nextBoolean() ? "/telemetry/joints" : "/événements");
      out.add(new LogRecord(t, topic, rnd.nextInt(3), rnd.nextBoolean(), payload));
    }
    return out;
  }

  @Test
  void everyAppendedRecordReadsBackIdentically() {
    Path log = dir.resolve("a.glog");
    List<LogRecord> records = randomRecords(1, 500);
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, new FlushPolicy(7, 0, false, 4096))) {
      records.forEach(w::append);
      assertEquals(500, w.records());
    }
    TelemetryLogs.Contents c = TelemetryLogs.read(log);
    assertEquals(records, c.records());
    assertTrue(c.report().clean(), c.report().toString());
  }

  @Test
  void reopeningAppendsAfterTheExistingRecords() {
    Path log = dir.resolve("b.glog");
    List<LogRecord> records = randomRecords(2, 40);
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, FlushPolicy.defaults())) {
      records.subList(0, 25).forEach(w::append);
    }
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, FlushPolicy.defaults())) {
      assertEquals(25, w.recovery().records());
      assertTrue(w.recovery().clean());
      records.subList(25, 40).forEach(w::append);
    }
    assertEquals(records, TelemetryLogs.read(log).records());
  }

  @Test
  void recordsWaitInTheBufferUntilThePolicyFlushesThem() throws Exception {
    Path log = dir.resolve("c.glog");
    LogRecord r = new LogRecord(1, "robots/b/events", 1, false, new byte[10]);
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, new FlushPolicy(3, 1_000, false, 64 * 1024))) {
      w.append(r);
      w.append(r);
      assertEquals(LogFormat.HEADER_BYTES, Files.size(log), "two records stay buffered");
      long beforeCountFlushMs = System.currentTimeMillis(); // the count-rule flush happens at or after this
      w.append(r);
      assertEquals(3, TelemetryLogs.read(log).records().size(), "the third record triggers the count rule");
      w.append(r);
      w.flushIfDue(beforeCountFlushMs + 999);
      assertEquals(3, TelemetryLogs.read(log).records().size());
      w.flushIfDue(System.currentTimeMillis() + 1_001);
      assertEquals(4, TelemetryLogs.read(log).records().size(), "the time rule flushes the fourth");
      w.append(r);
    }
    assertEquals(5, TelemetryLogs.read(log).records().size(), "close flushes the rest");
  }

  @Test
  void aFileThatIsNotALogIsRefusedWithOneClearLine() throws Exception {
    Path notLog = dir.resolve("x.txt");
    Files.writeString(notLog, "hello, this is not a telemetry log");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> TelemetryLogs.read(notLog));
    assertTrue(e.getMessage().contains("not a Ganglion telemetry log"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> TelemetryLogWriter.open(notLog, FlushPolicy.defaults()));
    byte[] v2 = Files.readAllBytes(writeOne(dir.resolve("v.glog")));
    v2[4] = 2;
    Files.write(dir.resolve("v2.glog"), v2);
    assertTrue(assertThrows(InvalidInputException.class, () -> TelemetryLogs.read(dir.resolve("v2.glog")))
        .getMessage().contains("version 2"));
  }

  static Path writeOne(Path log) {
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, FlushPolicy.defaults())) {
      w.append(new LogRecord(5, "robots/b/status", 1, true, new byte[] {'{', '}'}));
    }
    return log;
  }
}
