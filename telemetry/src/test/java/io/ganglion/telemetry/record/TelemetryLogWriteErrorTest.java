package io.ganglion.telemetry.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.GanglionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write error on the log (here: the disk fills up mid-record) stops the writer for good with one
 * line saying how many records the file keeps, and the file holds exactly those records, intact.
 */
class TelemetryLogWriteErrorTest {

  @TempDir Path dir;

  private static byte[] payload(int i) {
    byte[] p = new byte[100];
    for (int k = 0; k < p.length; k++) {
      p[k] = (byte) (i * 31 + k);
    }
    return p;
  }

  @Test
  void aFullDiskStopsTheWriterAndTheLogKeepsEveryCompleteRecordBeforeIt() throws Exception {
    Path log = dir.resolve("full.glog");
    // a 256-byte buffer, so the buffer reaches the file mid-record; the "disk" takes 5,000 more bytes
    TelemetryLogWriter w = TelemetryLogWriter.open(log, new FlushPolicy(1_000, 0, false, 256),
        ch -> new FailingChannel(ch, 5_000));
    GanglionException error = null;
    int appended = 0;
    while (error == null && appended < 1_000) {
      try {
        w.append(1_000L + appended, "robots/b1/telemetry/joints", 1, false, payload(appended));
        appended++;
      } catch (GanglionException e) {
        error = e;
      }
    }
    assertTrue(error != null, "the disk filled up");
    String message = error.getMessage();
    assertFalse(message.contains("\n"), message);
    Matcher m = Pattern.compile("cannot write telemetry log " + Pattern.quote(log.toString())
        + " \\(No space left on device\\): recording stopped after (\\d+) complete records; the log is intact up to there;"
        + " free disk space or choose another --out").matcher(message);
    assertTrue(m.matches(), message);
    int kept = Integer.parseInt(m.group(1));
    assertTrue(kept > 10 && kept < appended, kept + " of " + appended);
    assertSame(error, w.failure());
    assertSame(error, assertThrows(GanglionException.class,
        () -> w.append(9_999, "robots/b1/telemetry/joints", 1, false, payload(0))), "nothing is written after the hole");
    assertSame(error, assertThrows(GanglionException.class, w::flush));
    w.close(); // does not throw again
    assertTrue(Files.size(log) <= LogFormat.HEADER_BYTES + 5_000);

    TelemetryLogs.Contents c = TelemetryLogs.read(log);
    assertTrue(c.report().clean(), "cut back to the last complete record: " + c.report());
    assertEquals(kept, c.records().size());
    for (int i = 0; i < kept; i++) {
      assertEquals(1_000L + i, c.records().get(i).receiveTimeUs());
      assertArrayEquals(payload(i), c.records().get(i).payload(), "record " + i);
    }
  }

  @Test
  void appendingToTheLogAfterwardsContinuesFromTheKeptRecords() throws Exception {
    Path log = dir.resolve("again.glog");
    TelemetryLogWriter w = TelemetryLogWriter.open(log, new FlushPolicy(1, 0, false, 4_096), ch -> new FailingChannel(ch, 1_000));
    int appended = 0;
    try {
      while (true) {
        w.append(appended, "robots/b1/events", 1, false, payload(appended));
        appended++;
      }
    } catch (GanglionException e) {
      w.close();
    }
    int kept = TelemetryLogs.read(log).records().size();
    assertEquals(appended, kept, "flushing every record: every appended record reached the file");
    try (TelemetryLogWriter again = TelemetryLogWriter.open(log, FlushPolicy.defaults())) {
      assertTrue(again.recovery().clean(), again.recovery().toString());
      again.append(77, "robots/b1/events", 1, false, payload(77));
    }
    assertEquals(kept + 1, TelemetryLogs.read(log).records().size());
  }
}
