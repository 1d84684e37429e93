package io.ganglion.firmware.tap;

import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.failsafe.FailsafeEvent;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link EventSink} that logs every transition as one line on a stream (stderr for the CLI)
 * and keeps them for the final report. The loop thread only copies the event into an
 * {@link EventRing}; a daemon thread prints (every 20 ms), so the tick path neither allocates nor
 * blocks on the terminal. {@link #flush()} prints what is left (call once the loop has stopped).
 */
public final class LoggingEventSink implements EventSink, AutoCloseable {

  /** Events kept for {@link #history()}; later ones are printed but not kept. */
  public static final int MAX_HISTORY = 10_000;

  private final EventRing ring = new EventRing(1024);
  private final PrintStream out;
  private final String prefix;
  private final FailsafeEvent scratch = new FailsafeEvent();
  private final List<FailsafeEvent> history = new ArrayList<>();
  private final Thread printer;
  private volatile long originNanos;
  private volatile boolean closed;

  /**
   * @param out where lines go
   * @param prefix printed before each line, e.g. {@code "ganglion: "}
   * @param background true to start the printer thread; false to print only on {@link #flush()}
   */
  public LoggingEventSink(PrintStream out, String prefix, boolean background) {
    this.out = out;
    this.prefix = prefix;
    if (background) {
      printer = new Thread(this::printLoop, "ganglion-event-log");
      printer.setDaemon(true);
      printer.start();
    } else {
      printer = null;
    }
  }

  /** Times are printed relative to this loop time (the loop's start). */
  public void setOriginNanos(long originNanos) {
    this.originNanos = originNanos;
  }

  @Override
  public void onEvent(FailsafeEvent event) {
    ring.offer(event);
  }

  private void printLoop() {
    while (!closed) {
      drain();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void drain() {
    while (ring.poll(scratch)) {
      out.printf(java.util.Locale.ROOT, "%st=%.3f s %s%n", prefix, (scratch.timeNanos - originNanos) / 1e9, scratch);
      if (history.size() < MAX_HISTORY) {
        FailsafeEvent copy = new FailsafeEvent();
        copy.copyFrom(scratch);
        history.add(copy);
      }
    }
    out.flush();
  }

  /** Prints every event still queued. */
  public void flush() {
    drain();
  }

  /** The events printed so far (copies), oldest first. */
  public synchronized List<FailsafeEvent> history() {
    return new ArrayList<>(history);
  }

  /** Events lost because the ring was full. */
  public long dropped() {
    return ring.dropped();
  }

  /** Stops the printer thread after printing what is queued. */
  @Override
  public void close() {
    closed = true;
    if (printer != null) {
      printer.interrupt();
    }
    drain();
  }
}
