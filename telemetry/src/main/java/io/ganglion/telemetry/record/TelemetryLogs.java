package io.ganglion.telemetry.record;

import io.ganglion.drivers.GanglionException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Whole-file operations on telemetry logs. */
public final class TelemetryLogs {

  private TelemetryLogs() {}

  /** The valid records of a log, and what was dropped, read-only. */
  public record Contents(List<LogRecord> records, RecoveryReport report) {}

  /** Reads every valid record (the file is not modified). */
  public static Contents read(Path path) {
    try (TelemetryLogReader reader = new TelemetryLogReader(path)) {
      List<LogRecord> records = new ArrayList<>();
      for (LogRecord r; (r = reader.next()) != null; ) {
        records.add(r);
      }
      return new Contents(records, reader.report());
    }
  }

  /**
   * Makes a log appendable after a crash: keeps every complete record and truncates the torn or
   * corrupt tail (rewriting the header when even that was torn).
   *
   * @return what was kept and dropped
   */
  public static RecoveryReport recover(Path path) {
    RecoveryReport report;
    try (TelemetryLogReader reader = new TelemetryLogReader(path)) {
      while (reader.next() != null) {
        // count and validate every record
      }
      report = reader.report();
    }
    if (report.clean()) {
      return report;
    }
    try {
      if (report.validBytes() < LogFormat.HEADER_BYTES) {
        TelemetryLogWriter.writeHeader(path);
        return new RecoveryReport(0, LogFormat.HEADER_BYTES, report.droppedBytes(), report.problem());
      }
      try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
        ch.truncate(report.validBytes());
        ch.force(true);
      }
    } catch (IOException e) {
      throw new GanglionException("cannot truncate the torn tail of " + path + ": " + e.getMessage(), e);
    }
    return report;
  }
}
