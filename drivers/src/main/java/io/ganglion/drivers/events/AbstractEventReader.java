package io.ganglion.drivers.events;

import io.ganglion.drivers.InvalidInputException;

/** What every file reader shares: the chunked input, the per-event guard, the stats, the messages. */
abstract class AbstractEventReader implements EventReader {

  final ByteChunkInput in;
  final EventGuard guard;
  final EventReaderStats stats;
  private final SensorSize size;
  private final String sourceName;
  private final EventFormat format;

  /**
   * @param declared the size the file or format declares (UNKNOWN if none); the config's size wins
   * @param declaredOrigin where {@code declared} comes from, for messages
   * @param limitX exclusive x limit of the format when no size is known
   * @param limitY exclusive y limit of the format when no size is known
   */
  AbstractEventReader(EventFormat format, ByteChunkInput in, String sourceName, EventReaderConfig config,
      SensorSize declared, String declaredOrigin, int limitX, int limitY) {
    this.format = format;
    this.in = in;
    this.sourceName = sourceName;
    boolean forced = config.sensorSize().isKnown();
    this.size = forced ? config.sensorSize() : declared;
    String origin = forced ? "the --width/--height options" : declaredOrigin;
    this.guard = new EventGuard(size, origin, limitX, limitY, config.backwardsToleranceUs());
    this.stats = new EventReaderStats(guard);
    stats.setBytesRead(in.offset());
  }

  @Override
  public final SensorSize sensorSize() {
    return size;
  }

  @Override
  public final EventFormat format() {
    return format;
  }

  @Override
  public final String sourceName() {
    return sourceName;
  }

  @Override
  public final EventReaderStats stats() {
    return stats;
  }

  @Override
  public void close() {
    in.close();
  }

  /** Ends a {@link #read}: publishes the count and the bytes consumed. */
  final int finish(EventBuffer dest, int n) {
    dest.setCount(n);
    stats.setBytesRead(in.offset());
    return n;
  }

  /** An error about the record at {@code offset}. */
  final InvalidInputException malformed(long offset, String what) {
    return new InvalidInputException(sourceName + ": " + format.cliName() + " record at byte " + offset + ": " + what);
  }

  /** The error for a {@link EventGuard#accept} failure of the record at {@code offset}. */
  final InvalidInputException rejected(long offset, long verdict, int x, int y, long tUs) {
    return malformed(offset,
        verdict == EventGuard.OUT_OF_BOUNDS ? guard.outOfBoundsMessage(x, y) : guard.backwardsMessage(tUs));
  }

  /**
   * Bytes of whole records of {@code recordBytes} ready from {@code in.pos}: at least one record
   * (the buffer is refilled when it holds less), or 0 at the end of the input. A partial record at
   * the end is an error naming its offset ({@link #truncated}).
   */
  final int wholeRecordBytes(int recordBytes) {
    int avail = in.available();
    if (avail < recordBytes) {
      avail = in.fill(recordBytes);
      if (avail < recordBytes) {
        if (avail > 0) {
          throw truncated(in.offset(), avail, recordBytes);
        }
        return 0;
      }
    }
    return avail - avail % recordBytes;
  }

  /** The error for a partial record at the end of the input. */
  final InvalidInputException truncated(long offset, int have, int recordBytes) {
    return malformed(offset, "truncated: the input ends " + have + " bytes into a " + recordBytes
        + "-byte record (the file was cut short)");
  }
}
