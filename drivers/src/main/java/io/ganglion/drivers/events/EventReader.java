package io.ganglion.drivers.events;

/**
 * A streaming event reader: constant memory (one fixed read buffer) whatever the input size.
 * Obtain one from {@link EventFiles#open}.
 *
 * <p>Events come out in non-decreasing time order: an event up to {@link
 * EventReaderConfig#backwardsToleranceUs()} earlier than the latest one is delivered with the
 * latest time and counted in {@link EventReaderStats#jitterClamped()}; further back is an error.
 *
 * <p>{@link #read} throws {@link io.ganglion.drivers.InvalidInputException} for malformed input
 * (naming the source, the byte offset or line, and what is wrong) and {@link
 * io.ganglion.drivers.GanglionException} for I/O failures.
 */
public interface EventReader extends AutoCloseable {

  /**
   * Clears {@code dest} and fills it with the next events, up to its capacity. Allocates nothing.
   *
   * @return the number of events stored; 0 only at the end of the input
   */
  int read(EventBuffer dest);

  /** The sensor size: the config's, else the file's declared one, else the format's default, else UNKNOWN. */
  SensorSize sensorSize();

  /** The format being read (never AUTO). */
  EventFormat format();

  /** The file name or description used in messages. */
  String sourceName();

  /** Live counters: events read, skipped records by reason, time range, coordinate range. */
  EventReaderStats stats();

  /** Closes the underlying input. */
  @Override
  void close();
}
