package io.ganglion.telemetry.record;

import io.ganglion.drivers.InvalidInputException;

/**
 * When the log writer hands its buffer to the operating system: after every {@code everyRecords}
 * records, when {@code everyMillis} have passed since the last flush (checked on append and by the
 * recorder's timer), and on close. With {@code fsync} each flush also forces the data to the disk
 * (survives power loss, not only a killed process). Between flushes, records wait in a buffer of
 * {@code bufferBytes}; a full buffer is written out even mid-record, which is why a crash can leave
 * a torn record at the end of the file.
 *
 * @param everyRecords flush after this many records (1 = every record)
 * @param everyMillis flush when this much time has passed (0 = no time rule)
 * @param fsync force to the storage device at each flush
 * @param bufferBytes the write buffer size
 */
public record FlushPolicy(int everyRecords, long everyMillis, boolean fsync, int bufferBytes) {

  /** Validates. */
  public FlushPolicy {
    if (everyRecords < 1) {
      throw new InvalidInputException("flush every " + everyRecords + " records is invalid; use >= 1");
    }
    if (everyMillis < 0) {
      throw new InvalidInputException("flush every " + everyMillis + " ms is invalid; use >= 0 (0: no time rule)");
    }
    if (bufferBytes < 64 || bufferBytes > (64 << 20)) {
      throw new InvalidInputException("log buffer " + bufferBytes + " B is out of range; use 64 B..64 MiB");
    }
  }

  /** Every 256 records or 200 ms, no fsync, 64 KiB buffer: the recorder's default. */
  public static FlushPolicy defaults() {
    return new FlushPolicy(256, 200, false, 64 * 1024);
  }

  /** Every record, with fsync: slowest, loses nothing that was appended. */
  public static FlushPolicy everyRecordSynced() {
    return new FlushPolicy(1, 0, true, 64 * 1024);
  }
}
