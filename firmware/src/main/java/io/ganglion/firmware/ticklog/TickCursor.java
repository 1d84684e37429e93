package io.ganglion.firmware.ticklog;

import io.ganglion.telemetry.record.LogRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** Reads a tick log's records in order for a replay; a replay that asks for a record the run did not write diverged. */
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

  private final List<LogRecord> records;
  private int next;

  TickCursor(List<LogRecord> records, int start) {
    this.records = records;
    this.next = start;
  }

  boolean hasNext() {
    return next < records.size();
  }

  String peekTopic() {
    return hasNext() ? records.get(next).topic() : null;
  }

  int position() {
    return next;
  }

  /** The next record, which must be on {@code topic}; its payload little-endian. */
  ByteBuffer take(String topic) {
    if (!hasNext()) {
      throw new EndOfLog("the log ends (record " + records.size() + ") where the replay wanted " + topic);
    }
    LogRecord r = records.get(next);
    if (!r.topic().equals(topic)) {
      throw new Divergence("record " + next + ": the replay wanted " + topic + " but the run recorded " + r.topic());
    }
    next++;
    return ByteBuffer.wrap(r.payload()).order(ByteOrder.LITTLE_ENDIAN);
  }
}
