package io.ganglion.telemetry.record;

/**
 * What reading or recovering a log found.
 *
 * @param records complete, CRC-valid records
 * @param validBytes bytes up to the end of the last valid record (header included)
 * @param droppedBytes bytes after that (a torn or corrupt tail), 0 for a clean log
 * @param problem why the tail was dropped (one line with the byte offset), or null
 */
public record RecoveryReport(long records, long validBytes, long droppedBytes, String problem) {

  /** True when the whole file was valid. */
  public boolean clean() {
    return droppedBytes == 0;
  }

  @Override
  public String toString() {
    return records + " records, " + validBytes + " valid bytes"
        + (droppedBytes == 0 ? "" : ", " + droppedBytes + " bytes dropped (" + problem + ")");
  }
}
