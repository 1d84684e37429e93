package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.drivers.events.EventBuffer;

/**
 * What the detector's layer sees at each event of a recorded stream, as feature indices: for the
 * event (x, y, p) of bin b, one feature f = featureIndex(q xor p, b - T_q(x', y'), y' - y + R,
 * x' - x + R) per pixel (x', y') of the K x K window and polarity q whose latest event (this one
 * included) is less than D bins old. The layer's evidence is then E_c = bias_c + sum over those f
 * of w(f, c): linear in the weights, which is what the trainer fits.
 *
 * <p>Same rules as {@link io.ganglion.controllers.motion.MotionDetector}: bin b = floor(t / binUs);
 * events must be on the sensor, with polarity 0 or 1, in time order (the simulator's are); others
 * are skipped. Allocates its time surface once per stream: for training and evaluation, not the
 * firmware.
 */
public final class MotionEventFeatures {

  /** Receives each event's features ({@code features[0..n)}, valid during the call). */
  @FunctionalInterface
  public interface Sink {
    void event(int index, int x, int y, long tUs, long bin, int[] features, int n);
  }

  private MotionEventFeatures() {}

  /** Runs the layer's window over {@code events} of a {@code widthPx x heightPx} sensor. */
  public static void forEach(MotionGeometry g, int widthPx, int heightPx, EventBuffer events, Sink sink) {
    int r = g.radius();
    int k = g.kernelSize();
    int d = g.delays();
    int pw = widthPx + 2 * r;
    long[] surface = new long[2 * pw * (heightPx + 2 * r)];
    java.util.Arrays.fill(surface, Long.MIN_VALUE / 4);
    int[] f = new int[2 * k * k];
    long previousT = Long.MIN_VALUE;
    for (int i = 0; i < events.count(); i++) {
      int x = events.x[i];
      int y = events.y[i];
      int p = events.polarity[i];
      long t = events.tUs[i];
      if (x < 0 || x >= widthPx || y < 0 || y >= heightPx || t < 0 || t < previousT || (p != 0 && p != 1)) {
        continue;
      }
      previousT = t;
      long bin = t / g.binUs();
      surface[((y + r) * pw + x + r) * 2 + p] = bin;
      int n = 0;
      for (int dy = 0; dy < k; dy++) {
        for (int dx = 0; dx < k; dx++) {
          int at = ((y + dy) * pw + x + dx) * 2;
          for (int q = 0; q < 2; q++) {
            long age = bin - surface[at + q];
            if (age < d) {
              f[n++] = g.featureIndex(q ^ p, (int) age, dy, dx);
            }
          }
        }
      }
      sink.event(i, x, y, t, bin, f, n);
    }
  }
}
