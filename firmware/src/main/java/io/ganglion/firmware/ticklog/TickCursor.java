package io.ganglion.firmware.ticklog;

import io.ganglion.telemetry.record.LogRecord;
import io.ganglion.telemetry.record.RecoveryReport;
import io.ganglion.telemetry.record.TelemetryLogReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Reads a tick log's records in order for a replay, streaming (one record ahead, so a log of any
 * length replays in the same memory); a replay that asks for a record the run did not write diverged.
 */
final class TickCursor {

  /** The replay asked for something other than what the run recorded next. */
  static final class Divergence extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Divergence(String message) {
      super(message, null, false, false);
    }
  }

  /** The log ended in the middle of what the replay was doing (a run stopped abruptly: its log is cut short). */
  static final class EndOfLog extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EndOfLog(String message) {
      super(message, null, false, false);
    }
  }

  private final TelemetryLogReader reader;
  private LogRecord ahead;
  private long next;

  /** Reads from {@code reader}, whose next record is record {@code start} of the log. */
  TickCursor(TelemetryLogReader reader, long start) {
    this.reader = reader;
    this.next = start;
    this.ahead = reader.next();
  }

  boolean hasNext() {
    return ahead != null;
  }

  String peekTopic() {
    return ahead == null ? null : ahead.topic();
  }

  long position() {
    return next;
  }

  /** The next record, which must be on {@code topic}; its payload little-endian. */
  ByteBuffer take(String topic) {
    if (ahead == null) {
      throw new EndOfLog("the log ends (record " + next + ") where the replay wanted " + topic);
    }
    if (!ahead.topic().equals(topic)) {
      throw new Divergence("record " + next + ": the replay wanted " + topic + " but the run recorded " + ahead.topic());
    }
    ByteBuffer b = ByteBuffer.wrap(ahead.payload()).order(ByteOrder.LITTLE_ENDIAN);
    next++;
    ahead = reader.next();
    return b;
  }

  /** Reads (and checks) the rest of the log; what it holds: valid records and the dropped tail. */
  RecoveryReport finish() {
    while (ahead != null) {
      ahead = reader.next();
    }
    return reader.report();
  }
}
