package io.ganglion.drivers.events;

/**
 * Live counters of one {@link EventReader}: events delivered, records skipped by {@link
 * SkipReason}, time and coordinate ranges, timestamps clamped as jitter. Read it at any time; it
 * is updated as the reader advances (not thread-safe: read it from the reading thread).
 */
public final class EventReaderStats {

  private final EventGuard guard;
  private final long[] skipped = new long[SkipReason.values().length];
  private long bytesRead;

  EventReaderStats(EventGuard guard) {
    this.guard = guard;
  }

  void skip(SkipReason reason) {
    skipped[reason.ordinal()]++;
  }

  void skip(SkipReason reason, long n) {
    skipped[reason.ordinal()] += n;
  }

  void setBytesRead(long bytes) {
    bytesRead = bytes;
  }

  /** Events delivered so far. */
  public long eventsRead() {
    return guard.events;
  }

  /** Records skipped for {@code reason}. */
  public long skipped(SkipReason reason) {
    return skipped[reason.ordinal()];
  }

  /** Records skipped for any reason. */
  public long skippedTotal() {
    long s = 0;
    for (long n : skipped) {
      s += n;
    }
    return s;
  }

  /** Time of the first event delivered, or -1 before any. */
  public long firstTUs() {
    return guard.firstTUs;
  }

  /** Time of the last event delivered, or -1 before any. */
  public long lastTUs() {
    return guard.lastTUs;
  }

  /** {@code lastTUs - firstTUs}, or 0 before any event. */
  public long durationUs() {
    return guard.events == 0 ? 0 : guard.lastTUs - guard.firstTUs;
  }

  /** Events whose time went back within the tolerance and was clamped to the latest time. */
  public long jitterClamped() {
    return guard.jitterClamped;
  }

  /** Largest x delivered, or -1. */
  public int maxX() {
    return guard.maxX;
  }

  /** Largest y delivered, or -1. */
  public int maxY() {
    return guard.maxY;
  }

  /** (maxX + 1) x (maxY + 1): the smallest sensor that holds every event so far, or UNKNOWN. */
  public SensorSize observedSize() {
    return guard.events == 0 ? SensorSize.UNKNOWN : new SensorSize(guard.maxX + 1, guard.maxY + 1);
  }

  /** Bytes consumed from the input so far (header included). */
  public long bytesRead() {
    return bytesRead;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append("events=").append(eventsRead()).append(" t=").append(firstTUs()).append("..").append(lastTUs())
        .append("us maxX=").append(maxX()).append(" maxY=").append(maxY()).append(" jitter=").append(jitterClamped());
    for (SkipReason r : SkipReason.values()) {
      if (skipped(r) > 0) {
        b.append(" skipped.").append(r.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(skipped(r));
      }
    }
    return b.toString();
  }
}
