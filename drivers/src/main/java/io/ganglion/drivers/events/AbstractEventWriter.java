package io.ganglion.drivers.events;

import io.ganglion.drivers.InvalidInputException;
import java.io.OutputStream;

/** What the writers share: the output buffer and the per-event checks. */
abstract class AbstractEventWriter implements EventWriter {

  final ByteChunkOutput out;
  private final String sinkName;
  private final EventFormat format;
  private final int widthLimit;
  private final int heightLimit;
  private final long timeLimitUs;
  private long count;
  private long lastTUs;

  /**
   * @param widthLimit exclusive x limit
   * @param heightLimit exclusive y limit
   * @param timeLimitUs exclusive time limit of the format (Long.MAX_VALUE if none)
   */
  AbstractEventWriter(EventFormat format, OutputStream stream, String sinkName, int widthLimit, int heightLimit,
      long timeLimitUs) {
    this.format = format;
    this.sinkName = sinkName;
    this.out = new ByteChunkOutput(stream, 1 << 16, sinkName);
    this.widthLimit = widthLimit;
    this.heightLimit = heightLimit;
    this.timeLimitUs = timeLimitUs;
  }

  @Override
  public final void write(int x, int y, long tUs, boolean on) {
    if (x < 0 || y < 0 || x >= widthLimit || y >= heightLimit || tUs < lastTUs || tUs < 0 || tUs >= timeLimitUs) {
      throw invalid(x, y, tUs);
    }
    encode(x, y, tUs, on);
    lastTUs = tUs;
    count++;
  }

  /**
   * Encodes one checked event (in time order, inside the sensor and the format's time range); may
   * still refuse it with {@link #cannotWrite} (nothing written) for a format-specific limit.
   */
  abstract void encode(int x, int y, long tUs, boolean on);

  /** The time of the last event written (while encoding: the one before it), or 0 before any. */
  final long lastTUs() {
    return lastTUs;
  }

  private InvalidInputException invalid(int x, int y, long tUs) {
    String what;
    if (x < 0 || y < 0 || x >= widthLimit || y >= heightLimit) {
      what = "is outside the " + widthLimit + "x" + heightLimit + " sensor";
    } else if (tUs < 0 || tUs >= timeLimitUs) {
      what = "has a time outside the format's range 0.." + (timeLimitUs - 1) + " us";
    } else {
      what = "goes back in time from " + lastTUs + " us; events must be written in time order";
    }
    return cannotWrite(x, y, tUs, what);
  }

  /** The one-line error for an event that cannot be written: "... it " + {@code what}. */
  final InvalidInputException cannotWrite(int x, int y, long tUs, String what) {
    return new InvalidInputException(sinkName + ": cannot write event #" + count + " (x=" + x + " y=" + y + " t="
        + tUs + " us) as " + format.cliName() + ": it " + what);
  }

  @Override
  public final long eventsWritten() {
    return count;
  }

  @Override
  public final EventFormat format() {
    return format;
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    out.close();
  }
}
