package io.ganglion.firmware.tap;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A {@link TelemetryTap} that prints the latest frame once per interval on a stream (stderr with
 * {@code ganglion run --log-telemetry}): the loop thread copies the frame into a preallocated
 * buffer under a short lock; a daemon thread formats it. Frames offered between two prints are
 * overwritten (counted in {@link #overwritten()}), which is the point: a human reads one line per
 * second, the loop never waits for the terminal.
 */
public final class LoggingTelemetryTap implements TelemetryTap, AutoCloseable {

  private final Object lock = new Object();
  private final TelemetryFrame latest;
  private final TelemetryFrame printing;
  private final PrintStream out;
  private final long intervalMillis;
  private final Thread printer;
  private boolean fresh;
  private long overwritten;
  private volatile long originNanos;
  private volatile boolean closed;

  public LoggingTelemetryTap(int joints, int channels, PrintStream out, long intervalMillis) {
    this.latest = new TelemetryFrame(joints, channels);
    this.printing = new TelemetryFrame(joints, channels);
    this.out = out;
    this.intervalMillis = intervalMillis;
    printer = new Thread(this::printLoop, "ganglion-telemetry-log");
    printer.setDaemon(true);
    printer.start();
  }

  /** Times are printed relative to this loop time. */
  public void setOriginNanos(long originNanos) {
    this.originNanos = originNanos;
  }

  @Override
  public void offer(TelemetryFrame frame) {
    synchronized (lock) {
      if (fresh) {
        overwritten++;
      }
      latest.copyFrom(frame);
      fresh = true;
    }
  }

  /** Frames replaced before they were printed. */
  public long overwritten() {
    synchronized (lock) {
      return overwritten;
    }
  }

  private void printLoop() {
    while (!closed) {
      try {
        Thread.sleep(intervalMillis);
      } catch (InterruptedException e) {
        return;
      }
      boolean have;
      synchronized (lock) {
        have = fresh;
        if (have) {
          printing.copyFrom(latest);
          fresh = false;
        }
      }
      if (have) {
        out.println(format(printing, originNanos));
        out.flush();
      }
    }
  }

  /** One line describing {@code f}; allocates. */
  public static String format(TelemetryFrame f, long originNanos) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "telemetry t=%.3f s %s", (f.timeNanos - originNanos) / 1e9, f.state));
    b.append(" q=");
    appendArray(b, f.jointAngleRad, "%.3f");
    b.append(" u=");
    appendArray(b, f.commands, "%.3f");
    if (f.imuPresent) {
      b.append(String.format(Locale.ROOT, " gyro_z=%.3f", f.gyroRadPerSec[2]));
    }
    if (f.estopPressed) {
      b.append(" ESTOP");
    }
    return b.toString();
  }

  private static void appendArray(StringBuilder b, double[] values, String format) {
    b.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(String.format(Locale.ROOT, format, values[i]));
    }
    b.append(']');
  }

  @Override
  public void close() {
    closed = true;
    printer.interrupt();
  }
}
