package io.ganglion.drivers.events;

import io.ganglion.drivers.GanglionException;
import java.util.function.LongSupplier;

/**
 * Replays an {@link EventReader} through the {@link EventSourceIO} seam, either paced by the
 * events' timestamps or as fast as possible.
 *
 * <p>Paced: the first {@link #updateInputs} call starts the replay clock at the first event's time
 * t0; each call then delivers every event with
 * <pre>
 *   t &lt;= t0 + (now_ns - start_ns) * speed / 1000
 * </pre>
 * (speed 1 = real time, 2 = twice as fast), up to the buffer's capacity (a backlog is delivered
 * over the next calls). The clock is injected ({@code System::nanoTime} in production), so tests
 * drive it by hand. As fast as possible: each call delivers a full buffer.
 *
 * <p>A malformed file ends the replay: {@code inputs.failure} holds the {@link
 * io.ganglion.drivers.InvalidInputException} (events decoded in the failing chunk are dropped) and
 * {@code endOfStream} is set. Allocation-free per call (the file is read through the reader's
 * fixed buffer).
 */
public final class FileReplayEventSource implements EventSourceIO {

  private final EventReader reader;
  private final double speed;
  private final LongSupplier nanoClock;
  private final EventBuffer pending;
  private int next;
  private boolean started;
  private boolean ended;
  private boolean closed;
  private long startNanos;
  private long originTUs;
  private long lastDeliveredTUs = -1;
  private long delivered;
  private GanglionException failure;

  private FileReplayEventSource(EventReader reader, double speed, LongSupplier nanoClock, int chunkEvents) {
    if (!(speed > 0)) {
      throw new io.ganglion.drivers.InvalidInputException("replay speed must be > 0 (1 = real time), got " + speed);
    }
    this.reader = reader;
    this.speed = speed;
    this.nanoClock = nanoClock;
    this.pending = new EventBuffer(chunkEvents);
  }

  /**
   * Replays at {@code speed} times real time (1 = real time) on {@code nanoClock} (e.g. {@code
   * System::nanoTime}); the source owns and closes the reader.
   */
  public static FileReplayEventSource paced(EventReader reader, double speed, LongSupplier nanoClock) {
    if (Double.isInfinite(speed)) {
      throw new io.ganglion.drivers.InvalidInputException("replay speed must be finite; use asFastAsPossible");
    }
    return new FileReplayEventSource(reader, speed, nanoClock, 4096);
  }

  /** Replays without pacing: every call delivers a full buffer until the file ends. */
  public static FileReplayEventSource asFastAsPossible(EventReader reader) {
    return new FileReplayEventSource(reader, Double.POSITIVE_INFINITY, () -> 0L, 4096);
  }

  /** True when replaying without pacing. */
  public boolean isAsFastAsPossible() {
    return Double.isInfinite(speed);
  }

  @Override
  public void updateInputs(EventSourceInputs inputs) {
    EventBuffer out = inputs.events;
    out.clear();
    if (!started && !ended) {
      started = true;
      startNanos = nanoClock.getAsLong();
      if (refill()) {
        originTUs = pending.tUs[0];
      }
    }
    long dueTUs = Long.MAX_VALUE;
    if (!isAsFastAsPossible()) {
      // t_due = t0 + (now - start) * speed / 1000   (ns -> us)
      dueTUs = originTUs + (long) ((nanoClock.getAsLong() - startNanos) * speed / 1000.0);
    }
    while (!ended && !out.isFull()) {
      if (next == pending.count() && !refill()) {
        break;
      }
      int limit = Math.min(pending.count(), next + out.remaining());
      int k = next;
      final long[] ts = pending.tUs;
      while (k < limit && ts[k] <= dueTUs) {
        k++;
      }
      out.append(pending, next, k - next);
      next = k;
      if (k < limit) {
        break;
      }
    }
    if (!ended && next == pending.count()) {
      refill();
    }
    int n = out.count();
    if (n > 0) {
      lastDeliveredTUs = out.lastTUs();
    }
    delivered += n;
    inputs.connected = !ended || next < pending.count();
    inputs.newStream = false;
    inputs.streamEnds = false;
    inputs.endOfStream = ended && next == pending.count();
    inputs.sensorTimeUs = isAsFastAsPossible() || inputs.endOfStream ? lastDeliveredTUs
        : Math.max(lastDeliveredTUs, dueTUs);
    inputs.sensorSize = reader.sensorSize();
    inputs.eventsTotal = delivered;
    EventReaderStats s = reader.stats();
    inputs.skipped = s.skippedTotal();
    inputs.jitterClamped = s.jitterClamped();
    inputs.failure = failure;
  }

  /**
   * Nanoseconds until the next event is due on the replay clock (0 if one is due now), or -1 when
   * nothing is pending (not started, ended, or as fast as possible). A loop may sleep this long.
   */
  public long nanosUntilNextEvent() {
    if (!started || isAsFastAsPossible() || next >= pending.count()) {
      return -1;
    }
    // t_wall(next) = start + (t_next - t0) * 1000 / speed
    long dueNanos = startNanos + (long) Math.ceil((pending.tUs[next] - originTUs) * 1000.0 / speed);
    return Math.max(0, dueNanos - nanoClock.getAsLong());
  }

  /** The reader's live stats. */
  public EventReaderStats stats() {
    return reader.stats();
  }

  /** Reads the next chunk into {@code pending}; false (and ended) at the end or on failure. */
  private boolean refill() {
    next = 0;
    pending.clear();
    if (closed) {
      ended = true;
      return false;
    }
    try {
      if (reader.read(pending) > 0) {
        return true;
      }
    } catch (GanglionException e) {
      failure = e;
      pending.clear();
    }
    ended = true;
    return false;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      ended = true;
      pending.clear();
      next = 0;
      reader.close();
    }
  }
}
