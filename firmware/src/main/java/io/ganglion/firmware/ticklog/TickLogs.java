package io.ganglion.firmware.ticklog;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.record.LogRecord;
import io.ganglion.telemetry.record.TelemetryLogReader;
import java.nio.file.Path;

/** Whole-file questions about tick logs (the recordings of {@code ganglion run --record}). */
public final class TickLogs {

  private TickLogs() {}

  /**
   * True when {@code file} is a tick log: a file in the telemetry log format whose first record is
   * {@code tick/config} (what {@link TickRecorder} writes first). Reads only the header and the
   * first record; false for anything else, unreadable files included.
   */
  public static boolean isTickLog(Path file) {
    try (TelemetryLogReader reader = new TelemetryLogReader(file)) {
      LogRecord first = reader.next();
      return first != null && TickTopics.CONFIG.equals(first.topic());
    } catch (InvalidInputException e) {
      return false;
    }
  }
}
