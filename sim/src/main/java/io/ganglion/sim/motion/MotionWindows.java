package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.drivers.events.EventBuffer;

/**
 * The neurons a {@link io.ganglion.controllers.motion.MotionDetector} reads on a recorded event
 * stream, and what each one sees: for every readout bin k and cell, the events of bins
 * k - D + 1 .. k inside the cell's window, as feature indices f = featureIndex(p, k - b, dy, dx).
 * The evidence of class c is then sum over those f of w(f, c) (direct) and of w(swap(f), c)
 * (polarity-swapped): linear in the weights, which is what the trainer fits.
 *
 * <p>Same rules as the detector: bin b = floor(t / binUs); readouts run from the first event's
 * bin to D - 1 bins after the last one; a neuron is read when its window received an event in the
 * last D bins. Events must be in time order and on the sensor (the simulator's are); others are
 * skipped. Built once per stream (allocates: for training and evaluation, not the firmware).
 */
public final class MotionWindows {

  private final MotionGeometry g;
  private final int cellsX;
  private final int cells;
  private final long firstBin;
  private final int bins;
  private final int readouts;
  private final int[] bucketStart;
  private final char[] slices;

  private MotionWindows(MotionGeometry g, int cellsX, int cells, long firstBin, int bins, int[] bucketStart,
      char[] slices) {
    this.g = g;
    this.cellsX = cellsX;
    this.cells = cells;
    this.firstBin = firstBin;
    this.bins = bins;
    this.readouts = bins == 0 ? 0 : bins + g.delays() - 1;
    this.bucketStart = bucketStart;
    this.slices = slices;
  }

  /** Indexes {@code events} (time-ordered) of a {@code widthPx x heightPx} sensor. */
  public static MotionWindows of(MotionGeometry g, int widthPx, int heightPx, EventBuffer events) {
    int k = g.kernelSize();
    int cellsX = g.cellsAcross(widthPx);
    int cellsY = g.cellsAcross(heightPx);
    int cells = cellsX * cellsY;
    int n = events.count();
    long firstBin = 0;
    long lastBin = -1;
    long previousT = Long.MIN_VALUE;
    int valid = 0;
    for (int i = 0; i < n; i++) {
      if (usable(events, i, widthPx, heightPx, previousT)) {
        long b = events.tUs[i] / g.binUs();
        if (valid == 0) {
          firstBin = b;
        }
        lastBin = b;
        previousT = events.tUs[i];
        valid++;
      }
    }
    int bins = valid == 0 ? 0 : Math.toIntExact(lastBin - firstBin + 1);
    long buckets = (long) bins * cells;
    if (buckets > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("stream too long for the window index: " + bins + " bins x " + cells + " cells");
    }
    int[] count = new int[(int) buckets + 1];
    int[] start = null;
    char[] slices = null;
    // pass 1: records per (bin, cell); pass 2: fill (counting sort)
    for (int pass = 0; pass < 2; pass++) {
      previousT = Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        if (!usable(events, i, widthPx, heightPx, previousT)) {
          continue;
        }
        previousT = events.tUs[i];
        int bin = (int) (events.tUs[i] / g.binUs() - firstBin);
        int x = events.x[i];
        int y = events.y[i];
        int p = events.polarity[i];
        for (int cy = firstCell(g, y); cy < cellsY && g.windowStart(cy) <= y; cy++) {
          int dy = y - g.windowStart(cy);
          for (int cx = firstCell(g, x); cx < cellsX && g.windowStart(cx) <= x; cx++) {
            int dx = x - g.windowStart(cx);
            int bucket = bin * cells + cy * cellsX + cx;
            if (pass == 0) {
              count[bucket + 1]++;
            } else {
              slices[count[bucket]++] = (char) ((p * k + dy) * k + dx);
            }
          }
        }
      }
      if (pass == 0) {
        for (int b = 0; b < buckets; b++) {
          count[b + 1] += count[b];
        }
        slices = new char[count[(int) buckets]];
        start = count.clone();
      }
    }
    return new MotionWindows(g, cellsX, cells, firstBin, bins, start, slices);
  }

  private static boolean usable(EventBuffer e, int i, int w, int h, long previousT) {
    return e.x[i] >= 0 && e.x[i] < w && e.y[i] >= 0 && e.y[i] < h && e.tUs[i] >= 0 && e.tUs[i] >= previousT
        && (e.polarity[i] == 0 || e.polarity[i] == 1);
  }

  /** The first cell whose window can contain pixel i: windowStart(c) > i - K. */
  private static int firstCell(MotionGeometry g, int i) {
    int c = Math.floorDiv(i - g.kernelSize() + 1 + g.padding() + g.stride() - 1, g.stride());
    return Math.max(0, c);
  }

  public MotionGeometry geometry() {
    return g;
  }

  /** Output cells (neurons per class). */
  public int cells() {
    return cells;
  }

  public int cellsX() {
    return cellsX;
  }

  /** The absolute bin of readout index 0 (the first event's bin). */
  public long firstBin() {
    return firstBin;
  }

  /** Readouts: bins from the first event's to D - 1 after the last one's. */
  public int readouts() {
    return readouts;
  }

  /** The readout time (end of its bin) of readout index {@code r}. */
  public long readoutTimeUs(int r) {
    return (firstBin + r + 1) * g.binUs();
  }

  /** Events of the window of neuron {@code cell} at readout {@code r} (0 = not read). */
  public int windowEvents(int cell, int r) {
    int n = 0;
    for (int b = Math.max(0, r - g.delays() + 1); b <= Math.min(r, bins - 1); b++) {
      int bucket = b * cells + cell;
      n += bucketStart[bucket + 1] - bucketStart[bucket];
    }
    return n;
  }

  /**
   * Writes the feature indices of neuron {@code cell}'s window at readout {@code r} into
   * {@code dest} (one per event, repeated when events coincide) and returns how many.
   */
  public int features(int cell, int r, int[] dest) {
    int kk = g.kernelSize() * g.kernelSize();
    int d = g.delays();
    int n = 0;
    for (int b = Math.max(0, r - d + 1); b <= Math.min(r, bins - 1); b++) {
      int bucket = b * cells + cell;
      int delay = r - b;
      for (int j = bucketStart[bucket]; j < bucketStart[bucket + 1]; j++) {
        int slice = slices[j];
        int p = slice / kk;
        dest[n++] = (p * d + delay) * kk + (slice - p * kk);
      }
    }
    return n;
  }

  /** The largest window (events) over all neurons and readouts: the size {@link #features} needs. */
  public int maxWindowEvents() {
    int best = 0;
    for (int r = 0; r < readouts; r++) {
      for (int c = 0; c < cells; c++) {
        best = Math.max(best, windowEvents(c, r));
      }
    }
    return best;
  }
}
