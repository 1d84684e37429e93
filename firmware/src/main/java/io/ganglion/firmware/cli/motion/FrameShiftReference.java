package io.ganglion.firmware.cli.motion;

import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.SensorSize;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent estimate of the global image motion of a recording, to judge the detector
 * against on real data: in each time window, the shift that best aligns the event-count image of
 * the window's first half with that of its second half (normalised cross-correlation of the
 * blurred images over shifts up to {@value #MAX_SHIFT} cells of a grid at most 160 cells wide).
 * velocity = shift / (half a window). No learning, no fixed point: a plain correlation baseline.
 */
final class FrameShiftReference {

  static final int MAX_SHIFT = 10;
  /** Correlation peaks below this are reported as no estimate. */
  static final double MIN_CORRELATION = 0.3;

  /** One window's estimate: direction (deg, image axes) and speed (px/s), NaN when there is none. */
  record Estimate(long tStartUs, double directionDeg, double speedPxPerS, double correlation) {}

  private FrameShiftReference() {}

  static List<Estimate> run(Path input, EventReaderConfig config, SensorSize size, long firstTUs, long windowUs) {
    int cell = Math.max(1, (size.width() + 159) / 160);
    int w = (size.width() + cell - 1) / cell;
    int h = (size.height() + cell - 1) / cell;
    double[] a = new double[w * h];
    double[] b = new double[w * h];
    List<Estimate> out = new ArrayList<>();
    long window = 0;
    try (EventReader reader = EventFiles.open(input, config.withSensorSize(size.width(), size.height()))) {
      EventBuffer buf = new EventBuffer(1 << 12);
      int n;
      while ((n = reader.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          long rel = buf.tUs[i] - firstTUs;
          long wi = Math.max(0, rel / windowUs);
          while (window < wi) {
            out.add(estimate(a, b, w, h, cell, firstTUs + window * windowUs, windowUs));
            java.util.Arrays.fill(a, 0);
            java.util.Arrays.fill(b, 0);
            window++;
          }
          boolean second = rel - wi * windowUs >= windowUs / 2;
          (second ? b : a)[(buf.y[i] / cell) * w + buf.x[i] / cell] += 1;
        }
      }
    }
    out.add(estimate(a, b, w, h, cell, firstTUs + window * windowUs, windowUs));
    return out;
  }

  private static Estimate estimate(double[] a, double[] b, int w, int h, int cell, long tStartUs, long windowUs) {
    double[] fa = blur(blur(a, w, h), w, h);
    double[] fb = blur(blur(b, w, h), w, h);
    double best = -1;
    int bx = 0;
    int by = 0;
    for (int dy = -MAX_SHIFT; dy <= MAX_SHIFT; dy++) {
      for (int dx = -MAX_SHIFT; dx <= MAX_SHIFT; dx++) {
        // content at x in the first half is at x + (dx, dy) in the second half
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int y = Math.max(0, -dy); y < Math.min(h, h - dy); y++) {
          for (int x = Math.max(0, -dx); x < Math.min(w, w - dx); x++) {
            double va = fa[y * w + x];
            double vb = fb[(y + dy) * w + x + dx];
            sab += va * vb;
            saa += va * va;
            sbb += vb * vb;
          }
        }
        double c = saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
        if (c > best) {
          best = c;
          bx = dx;
          by = dy;
        }
      }
    }
    if (best < MIN_CORRELATION || (bx == 0 && by == 0)) {
      return new Estimate(tStartUs, Double.NaN, Double.NaN, Math.max(0, best));
    }
    double halfS = windowUs / 2e6;
    double deg = Math.toDegrees(Math.atan2(by, bx));
    return new Estimate(tStartUs, deg < 0 ? deg + 360 : deg, Math.hypot(bx, by) * cell / halfS, best);
  }

  private static double[] blur(double[] in, int w, int h) {
    double[] out = new double[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double s = 0;
        int n = 0;
        for (int yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
          for (int xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) {
            s += in[yy * w + xx];
            n++;
          }
        }
        out[y * w + x] = s / n;
      }
    }
    return out;
  }
}
