package io.ganglion.telemetry.monitor.web;

import io.ganglion.telemetry.monitor.MonitorState;
import io.ganglion.telemetry.protocol.TelemetryBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects plot points from decoded telemetry batches for the web page: per stream ({@code
 * board/stream}) the samples at most one per {@code minIntervalUs} of board time (decimation, so a
 * 50,000 samples/s stream does not flood the browser), a history of the last {@code historyPoints}
 * points for pages that connect later (of the board's current run: when its clock goes back, a
 * restart, the history starts again), and the points added since the last {@link #cut}.
 * Thread-safe.
 */
final class PlotFeed implements MonitorState.BatchListener {

  /** One point: board time in seconds and the field values (NaN allowed). */
  record Point(double tS, double[] values) {}

  /** A stream's field names and points. */
  record Series(List<String> fields, List<Point> points) {}

  /** What {@link #cut} returns: the new points of every stream, and every stream's history. */
  record Cut(Map<String, Series> delta, Map<String, Series> history) {}

  private final long minIntervalUs;
  private final int historyPoints;
  private final Map<String, StreamPoints> streams = new LinkedHashMap<>();
  private long points;

  PlotFeed(long minIntervalUs, int historyPoints) {
    this.minIntervalUs = minIntervalUs;
    this.historyPoints = historyPoints;
  }

  @Override
  public synchronized void onBatch(TelemetryBatch batch, long receivedNanos) {
    String key = batch.board() + "/" + batch.schema().name();
    StreamPoints s = streams.get(key);
    List<String> fields = new ArrayList<>();
    batch.schema().fields().forEach(f -> fields.add(f.name()));
    if (s == null || !s.fields.equals(fields)) {
      s = new StreamPoints(fields);
      streams.put(key, s);
    }
    int n = fields.size();
    for (int i = 0; i < batch.size(); i++) {
      long t = batch.tUs(i);
      if (s.lastKeptUs != Long.MIN_VALUE && t >= s.lastKeptUs && t - s.lastKeptUs < minIntervalUs) {
        continue;
      }
      if (t < s.lastKeptUs) {
        s.history.clear(); // the board restarted (its clock went back): a page opened now sees the new run only
      }
      s.lastKeptUs = t;
      double[] v = new double[n];
      for (int f = 0; f < n; f++) {
        v[f] = batch.value(i, f);
      }
      Point p = new Point(t / 1e6, v);
      s.fresh.add(p);
      s.history.addLast(p);
      if (s.history.size() > historyPoints) {
        s.history.removeFirst();
      }
      points++;
    }
    if (s.fresh.size() > historyPoints) {
      s.fresh.subList(0, s.fresh.size() - historyPoints).clear();
    }
  }

  /** Points kept so far (after decimation). */
  synchronized long points() {
    return points;
  }

  /** Takes the points added since the last cut, and a copy of every history. */
  synchronized Cut cut() {
    Map<String, Series> delta = new LinkedHashMap<>();
    Map<String, Series> history = new LinkedHashMap<>();
    streams.forEach((key, s) -> {
      if (!s.fresh.isEmpty()) {
        delta.put(key, new Series(s.fields, List.copyOf(s.fresh)));
        s.fresh.clear();
      }
      history.put(key, new Series(s.fields, List.copyOf(s.history)));
    });
    return new Cut(delta, history);
  }

  private static final class StreamPoints {
    final List<String> fields;
    final List<Point> fresh = new ArrayList<>();
    final java.util.ArrayDeque<Point> history = new java.util.ArrayDeque<>();
    long lastKeptUs = Long.MIN_VALUE;

    StreamPoints(List<String> fields) {
      this.fields = List.copyOf(fields);
    }
  }
}
