package io.ganglion.telemetry.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelemetryLogTornTailTest {

  @TempDir
  Path dir;

  private List<LogRecord> records;
  private long[] ends; // file offset after each record

  private byte[] cleanLog() throws Exception {
    records = TelemetryLogRoundTripTest.randomRecords(3, 12);
    Path log = dir.resolve("clean.glog");
    ends = new long[records.size()];
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, FlushPolicy.everyRecordSynced())) {
      for (int i = 0; i < records.size(); i++) {
        w.append(records.get(i));
        ends[i] = Files.size(log);
      }
    }
    return Files.readAllBytes(log);
  }

  @Test
  void everyTruncationOfTheLastRecordKeepsThePreviousOnesAndReportsTheDroppedBytes() throws Exception {
    byte[] clean = cleanLog();
    int n = records.size();
    long lastStart = ends[n - 2];
    for (long len = lastStart; len < clean.length; len++) {
      Path torn = dir.resolve("torn-" + len + ".glog");
      Files.write(torn, Arrays.copyOf(clean, (int) len));
      TelemetryLogs.Contents c = TelemetryLogs.read(torn);
      assertEquals(records.subList(0, n - 1), c.records(), "length " + len);
      assertEquals(lastStart, c.report().validBytes());
      assertEquals(len - lastStart, c.report().droppedBytes());
    }
  }

  @Test
  void recoveryTruncatesTheTornTailAndTheLogTakesNewRecords() throws Exception {
    byte[] clean = cleanLog();
    int n = records.size();
    Path log = dir.resolve("crashed.glog");
    Files.write(log, Arrays.copyOf(clean, (int) ends[n - 2] + 5));
    RecoveryReport report = TelemetryLogs.recover(log);
    assertEquals(n - 1, report.records());
    assertEquals(5, report.droppedBytes());
    assertTrue(report.problem().contains("torn record frame at byte " + ends[n - 2]), report.problem());
    assertEquals(ends[n - 2], Files.size(log));
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, FlushPolicy.defaults())) {
      assertTrue(w.recovery().clean());
      w.append(records.get(n - 1));
    }
    assertEquals(records, TelemetryLogs.read(log).records());
  }

  @Test
  void aFlippedByteInTheLastRecordFailsItsCrcAndOnlyThatRecordIsDropped() throws Exception {
    byte[] clean = cleanLog();
    int n = records.size();
    for (long at = ends[n - 2] + 8; at < clean.length; at += 7) {
      byte[] bad = clean.clone();
      bad[(int) at] ^= 0x20;
      Path log = dir.resolve("flip-" + at + ".glog");
      Files.write(log, bad);
      TelemetryLogs.Contents c = TelemetryLogs.read(log);
      assertEquals(records.subList(0, n - 1), c.records());
      assertTrue(c.report().problem().startsWith("CRC mismatch"), c.report().problem());
    }
  }

  @Test
  void corruptionInTheMiddleStopsThereAndSaysWhere() throws Exception {
    byte[] clean = cleanLog();
    byte[] bad = clean.clone();
    int k = 5;
    bad[(int) ends[k - 1] + 20] ^= 1; // inside record k's body
    Path log = dir.resolve("middle.glog");
    Files.write(log, bad);
    TelemetryLogs.Contents c = TelemetryLogs.read(log);
    assertEquals(records.subList(0, k), c.records());
    assertEquals("CRC mismatch in the record at byte " + ends[k - 1], c.report().problem());
    assertEquals(clean.length - ends[k - 1], c.report().droppedBytes());

    byte[] badLength = clean.clone();
    badLength[(int) ends[k - 1] + 3] = (byte) 0x7F; // a length of ~2 GiB
    Files.write(log, badLength);
    assertTrue(TelemetryLogs.read(log).report().problem().startsWith("impossible record length"));
  }

  @Test
  void aTornHeaderIsRewrittenByRecovery() throws Exception {
    Path log = dir.resolve("header.glog");
    Files.write(log, new byte[] {'G', 'L', 'O'});
    TelemetryLogs.Contents c = TelemetryLogs.read(log);
    assertEquals(0, c.records().size());
    assertEquals(3, c.report().droppedBytes());
    TelemetryLogs.recover(log);
    assertEquals(LogFormat.HEADER_BYTES, Files.size(log));
    assertTrue(TelemetryLogs.read(log).report().clean());
  }

  @Test
  void everyPrefixOfAValidHeaderCountsAsATornHeader() throws Exception {
    byte[] header = java.nio.ByteBuffer.allocate(LogFormat.HEADER_BYTES).order(java.nio.ByteOrder.LITTLE_ENDIAN)
        .putInt(LogFormat.MAGIC_LE).putShort((short) 1).putShort((short) 0).putLong(1_700_000_000_000L).array();
    for (int n = 0; n < LogFormat.HEADER_BYTES; n++) {
      Path log = dir.resolve("prefix-" + n + ".glog");
      Files.write(log, Arrays.copyOf(header, n));
      TelemetryLogs.Contents c = TelemetryLogs.read(log);
      assertEquals(0, c.records().size());
      assertEquals(n, c.report().droppedBytes());
    }
  }

  @Test
  void aShortFileThatIsNotAHeaderPrefixIsNotALogAndIsNeverRewritten() throws Exception {
    for (String text : new String[] {"garbage\n", "my notes\n", "GLOX", "GLOG\u0002"}) {
      Path file = dir.resolve("notes.txt");
      byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      Files.write(file, bytes);
      io.ganglion.drivers.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
          io.ganglion.drivers.InvalidInputException.class, () -> TelemetryLogs.read(file));
      assertTrue(e.getMessage().contains("is not a Ganglion telemetry log"), e.getMessage());
      org.junit.jupiter.api.Assertions.assertThrows(io.ganglion.drivers.InvalidInputException.class,
          () -> TelemetryLogWriter.open(file, FlushPolicy.everyRecordSynced()).close());
      org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, Files.readAllBytes(file), "the file is untouched");
    }
  }
}
