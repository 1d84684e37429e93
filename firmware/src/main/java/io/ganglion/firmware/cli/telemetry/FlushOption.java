package io.ganglion.firmware.cli.telemetry;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.record.FlushPolicy;

/** Parses {@code --flush}: {@code default}, {@code sync}, or {@code RECORDS,MILLIS[,fsync]}. */
final class FlushOption {

  private FlushOption() {}

  static FlushPolicy parse(String text) {
    String t = text.strip();
    if (t.equals("default")) {
      return FlushPolicy.defaults();
    }
    if (t.equals("sync")) {
      return FlushPolicy.everyRecordSynced();
    }
    String[] parts = t.split(",", -1);
    if (parts.length < 2 || parts.length > 3 || (parts.length == 3 && !parts[2].strip().equals("fsync"))) {
      throw new InvalidInputException("--flush '" + text + "' is invalid; use default, sync, or RECORDS,MILLIS[,fsync]"
          + " (e.g. 256,200 or 1,0,fsync)");
    }
    int records;
    long millis;
    try {
      records = Integer.parseInt(parts[0].strip());
      millis = Long.parseLong(parts[1].strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException("--flush '" + text + "': RECORDS and MILLIS must be integers (e.g. 256,200)");
    }
    return new FlushPolicy(records, millis, parts.length == 3, FlushPolicy.defaults().bufferBytes());
  }
}
