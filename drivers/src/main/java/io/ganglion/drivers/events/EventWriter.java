package io.ganglion.drivers.events;

/**
 * Writes events to a file format, streaming through a fixed buffer (allocation-free per event).
 * Events must come in non-decreasing time order with coordinates inside the writer's sensor size;
 * anything else throws {@link io.ganglion.drivers.InvalidInputException}. Obtain one from {@link
 * EventFiles#newWriter}.
 */
public interface EventWriter extends AutoCloseable {

  /** Writes one event in image coordinates. */
  void write(int x, int y, long tUs, boolean on);

  /** Writes every event of {@code events}. */
  default void write(EventBuffer events) {
    for (int i = 0, n = events.count(); i < n; i++) {
      write(events.x[i], events.y[i], events.tUs[i], events.polarity[i] != Polarity.OFF_BIT);
    }
  }

  /** Events written so far. */
  long eventsWritten();

  /** The format written. */
  EventFormat format();

  /** Pushes buffered bytes to the underlying stream. */
  void flush();

  /** Flushes and closes the underlying stream. */
  @Override
  void close();
}
