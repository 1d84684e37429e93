package io.ganglion.drivers.events;

/**
 * The per-event checks every reader and stream decoder applies, and the tallies they keep:
 * coordinates inside the sensor, time order with a backwards tolerance, first/last time, the
 * coordinate range seen. Allocation-free; the caller decides whether a violation throws (files)
 * or is counted (live streams).
 */
final class EventGuard {

  /** {@link #accept} result: the coordinates are outside the sensor. */
  static final long OUT_OF_BOUNDS = -2;
  /** {@link #accept} result: the time goes back further than the tolerance. */
  static final long TOO_FAR_BACK = -1;

  private final int widthLimit;
  private final int heightLimit;
  private final SensorSize declared;
  private final String sizeOrigin;
  private final long toleranceUs;

  long events;
  long firstTUs = -1;
  long lastTUs = -1;
  long jitterClamped;
  int maxX = -1;
  int maxY = -1;

  /**
   * @param declared the sensor size to enforce, or UNKNOWN to enforce only the format's limits
   * @param sizeOrigin where the size comes from, for messages ("the file header", "--width/--height")
   * @param formatWidthLimit exclusive x limit when {@code declared} is unknown
   * @param formatHeightLimit exclusive y limit when {@code declared} is unknown
   */
  EventGuard(SensorSize declared, String sizeOrigin, int formatWidthLimit, int formatHeightLimit, long toleranceUs) {
    this.declared = declared;
    this.sizeOrigin = sizeOrigin;
    this.widthLimit = declared.isKnown() ? declared.width() : formatWidthLimit;
    this.heightLimit = declared.isKnown() ? declared.height() : formatHeightLimit;
    this.toleranceUs = toleranceUs;
  }

  /**
   * Checks one event with non-negative coordinates and time and records it.
   *
   * @return the time to deliver (the event's, or the latest so far if it is within the backwards
   *     tolerance), or {@link #OUT_OF_BOUNDS} / {@link #TOO_FAR_BACK}
   */
  long accept(int x, int y, long tUs) {
    if (x >= widthLimit || y >= heightLimit) {
      return OUT_OF_BOUNDS;
    }
    long last = lastTUs;
    long t = tUs;
    if (t < last) {
      // t_delivered = t_last when t_last - t <= tolerance (jitter), else reject
      if (last - t > toleranceUs) {
        return TOO_FAR_BACK;
      }
      jitterClamped++;
      t = last;
    }
    lastTUs = t;
    if (firstTUs < 0) {
      firstTUs = t;
    }
    if (x > maxX) {
      maxX = x;
    }
    if (y > maxY) {
      maxY = y;
    }
    events++;
    return t;
  }

  /** Forgets the time order (a new stream segment, e.g. a new TCP connection); keeps the tallies. */
  void resetTimeOrder() {
    lastTUs = -1;
  }

  /**
   * One line explaining an {@link #OUT_OF_BOUNDS} result: what is wrong and how to fix it (the
   * caller prefixes the source and the byte offset or line of the record).
   */
  String outOfBoundsMessage(int x, int y) {
    if (declared.isKnown()) {
      return "event at x=" + x + " y=" + y + " is outside the " + declared + " sensor (size from " + sizeOrigin
          + "; x must be < " + widthLimit + ", y < " + heightLimit + "); pass the sensor's real size with"
          + " --width/--height, or fix the file";
    }
    return "event at x=" + x + " y=" + y + " is beyond the format's coordinate range " + widthLimit + "x" + heightLimit
        + "; the record is corrupt or the file is in another format (check --format)";
  }

  /**
   * One line explaining a {@link #TOO_FAR_BACK} result: what is wrong and how to fix it (the
   * caller prefixes the source and the byte offset or line of the record).
   */
  String backwardsMessage(long tUs) {
    long backUs = lastTUs - tUs;
    return "event time " + tUs + " us goes back " + backUs + " us from the latest time " + lastTUs
        + " us, more than the " + toleranceUs + " us backwards tolerance, so the events are not in time order;"
        + " sort the file by time, or if this is timestamp jitter pass --time-tolerance-us " + backUs + " (or more)";
  }
}
