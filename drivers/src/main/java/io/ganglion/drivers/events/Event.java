package io.ganglion.drivers.events;

/**
 * One event-camera event in the image convention: origin at the top-left pixel, {@code x} to the
 * right, {@code y} down; {@code tUs} in microseconds in the source's time base.
 *
 * <p>This immutable record is for tests, tools and logs. The streaming path never creates one per
 * event: readers fill an {@link EventBuffer} (struct of arrays) instead.
 */
public record Event(int x, int y, long tUs, Polarity polarity) {

  /** Checks the fields. */
  public Event {
    if (x < 0 || y < 0) {
      throw new IllegalArgumentException("event coordinates must be >= 0, got x=" + x + " y=" + y);
    }
    if (tUs < 0) {
      throw new IllegalArgumentException("event time must be >= 0 us, got " + tUs);
    }
    if (polarity == null) {
      throw new IllegalArgumentException("event polarity must not be null");
    }
  }

  /** An event with polarity ON when {@code on}. */
  public static Event of(int x, int y, long tUs, boolean on) {
    return new Event(x, y, tUs, Polarity.of(on));
  }

  /** True for an ON event. */
  public boolean on() {
    return polarity == Polarity.ON;
  }
}
