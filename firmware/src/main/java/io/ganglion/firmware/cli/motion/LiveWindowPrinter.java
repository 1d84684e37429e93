package io.ganglion.firmware.cli.motion;

import io.ganglion.firmware.cli.support.Summary;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints {@code motion live}'s windows as they complete: a table per stream (the rows of {@code
 * motion detect}), or JSON Lines ({@code "type": "window"} or {@code "quiet"}).
 */
final class LiveWindowPrinter implements LiveDetection.Listener {

  private final PrintWriter out;
  private final MotionDirections directions;
  private final boolean json;

  LiveWindowPrinter(PrintWriter out, MotionDirections directions, boolean json) {
    this.out = out;
    this.directions = directions;
    this.json = json;
  }

  @Override
  public void streamStarted(int stream, long firstTUs) {
    if (!json) {
      out.printf(java.util.Locale.ROOT, "stream %d, from t = %.6f s: spikes per direction (deg; 0 = right, 90 = down)%n",
          stream, firstTUs / 1e6);
      out.println(directions.tableHeader());
      out.flush();
    }
  }

  @Override
  public void window(int stream, long tStartUs, long events, long[] classSpikes) {
    if (json) {
      long spikes = 0;
      for (long c : classSpikes) {
        spikes += c;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "window");
      m.put("stream", stream);
      m.put("t_start_s", tStartUs / 1e6);
      m.put("events", events);
      m.put("spikes", spikes);
      m.put("direction_deg", MotionDirections.nullable(directions.dominantDirectionDeg(classSpikes)));
      m.put("speed_px_s", MotionDirections.nullable(directions.dominantSpeedPxPerS(classSpikes)));
      m.put("histogram", directions.histogram(classSpikes));
      out.println(Summary.toJson(m));
    } else {
      out.println(directions.tableRow(tStartUs / 1000.0, events, classSpikes));
    }
    out.flush();
  }

  @Override
  public void quiet(int stream, long tStartUs, long spanUs) {
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "quiet");
      m.put("stream", stream);
      m.put("t_start_s", tStartUs / 1e6);
      m.put("span_s", spanUs / 1e6);
      out.println(Summary.toJson(m));
    } else {
      out.printf(java.util.Locale.ROOT, "%10.1f   (no events for %.1f ms)%n", tStartUs / 1000.0, spanUs / 1000.0);
    }
    out.flush();
  }
}
