package io.ganglion.controllers.motion;

import io.ganglion.controllers.fixed.Q16;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The motion detector in double precision, written from the definition: it keeps the events of
 * the last D bins and, at each bin boundary, sums for every neuron over the events in its window
 *
 * <pre>
 *   E_c(X, Y, k) = max( sum_e w_c(p_e, k - b_e, dy_e, dx_e), sum_e w_c(1 - p_e, k - b_e, dy_e, dx_e) ) + bias_c
 * </pre>
 *
 * then applies the same winner-take-all and margin as {@link MotionDetector}, with the same time
 * rules (bins, tolerance, clamping, dropping). Slow (every readout walks every event of the
 * window and every cell) and allocating: for tests and tools, not the firmware.
 */
public final class MotionDetectorReference {

  /** A spike: window centre, readout time, class, evidence and margin. */
  public record Spike(int x, int y, long tUs, int classIndex, double evidence, double margin) {}

  /** One neuron's evidence (after max and bias) at one readout. */
  public record Readout(long bin, int cellX, int cellY, double[] evidence) {}

  private record Ev(int x, int y, int polarity, long bin) {}

  private final MotionGeometry g;
  private final int classes;
  private final double[] weights;
  private final double[] biases;
  private final int width;
  private final int height;
  private final double spikeMargin;
  private final long toleranceUs;
  private final int cellsX;
  private final int cellsY;
  private final List<Ev> history = new ArrayList<>();
  private final List<Spike> spikes = new ArrayList<>();
  private final List<Readout> readouts = new ArrayList<>();
  private boolean started;
  private long curBin;
  private long latestTUs;
  private long outOfRange;
  private long outOfOrder;
  private long clamped;

  /**
   * @param weights F x C weights, feature-major as in {@link MotionKernel}
   * @param biases C biases
   */
  public MotionDetectorReference(MotionGeometry g, int classes, double[] weights, double[] biases, int widthPx,
      int heightPx, double spikeMargin, long backwardsToleranceUs) {
    if (weights.length != g.featureCount() * classes || biases.length != classes) {
      throw new IllegalArgumentException("reference: expected " + g.featureCount() * classes + " weights and "
          + classes + " biases, got " + weights.length + " and " + biases.length);
    }
    this.g = g;
    this.classes = classes;
    this.weights = weights.clone();
    this.biases = biases.clone();
    this.width = widthPx;
    this.height = heightPx;
    this.spikeMargin = spikeMargin;
    this.toleranceUs = backwardsToleranceUs;
    this.cellsX = g.cellsAcross(widthPx);
    this.cellsY = g.cellsAcross(heightPx);
  }

  /** A reference with exactly the fixed-point kernel's values and the detector config's settings. */
  public static MotionDetectorReference of(MotionKernel kernel, MotionDetectorConfig config) {
    int[] wq = kernel.weightsQ16();
    double[] w = new double[wq.length];
    for (int i = 0; i < w.length; i++) {
      w[i] = Q16.toDouble(wq[i]);
    }
    int[] bq = kernel.biasesQ16();
    double[] b = new double[bq.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = Q16.toDouble(bq[i]);
    }
    return new MotionDetectorReference(kernel.geometry(), kernel.classCount(), w, b, config.widthPx(),
        config.heightPx(), Q16.toDouble(config.spikeMarginQ16()), config.backwardsToleranceUs());
  }

  /** Processes one event (same acceptance rules as {@link MotionDetector#event}). */
  public void event(int x, int y, long tUs, int polarity) {
    if (x < 0 || x >= width || y < 0 || y >= height || tUs < 0 || tUs > MotionDetector.MAX_TIME_US
        || (polarity != 0 && polarity != 1)) {
      outOfRange++;
      return;
    }
    if (!started) {
      started = true;
      latestTUs = tUs;
      curBin = tUs / g.binUs();
    } else if (tUs < latestTUs) {
      if (latestTUs - tUs > toleranceUs) {
        outOfOrder++;
        return;
      }
      clamped++;
    } else {
      latestTUs = tUs;
      moveTo(tUs / g.binUs());
    }
    history.add(new Ev(x, y, polarity, curBin));
  }

  /** Moves the clock to {@code tUs} without an event. */
  public void advanceTo(long tUs) {
    if (started && tUs > latestTUs && tUs <= MotionDetector.MAX_TIME_US) {
      latestTUs = tUs;
      moveTo(tUs / g.binUs());
    }
  }

  /** Reads out the D bins after the latest event (end of stream). */
  public void flush() {
    if (started) {
      moveTo(curBin + g.delays());
    }
  }

  private void moveTo(long bin) {
    for (long k = curBin; k < bin && k < curBin + g.delays(); k++) {
      readout(k);
    }
    curBin = Math.max(curBin, bin);
    long oldest = curBin - g.delays() + 1;
    history.removeIf(e -> e.bin < oldest);
  }

  private void readout(long k) {
    int d = g.delays();
    int k2 = g.kernelSize();
    Map<Integer, double[]> sums = new TreeMap<>();
    for (Ev e : history) {
      long delay = k - e.bin;
      if (delay < 0 || delay >= d) {
        continue;
      }
      for (int cy = 0; cy < cellsY; cy++) {
        int dy = e.y - g.windowStart(cy);
        if (dy < 0 || dy >= k2) {
          continue;
        }
        for (int cx = 0; cx < cellsX; cx++) {
          int dx = e.x - g.windowStart(cx);
          if (dx < 0 || dx >= k2) {
            continue;
          }
          double[] s = sums.computeIfAbsent(cy * cellsX + cx, key -> new double[2 * classes]);
          int direct = g.featureIndex(e.polarity, (int) delay, dy, dx);
          int swapped = g.featureIndex(1 - e.polarity, (int) delay, dy, dx);
          for (int c = 0; c < classes; c++) {
            s[c] += weights[direct * classes + c];
            s[classes + c] += weights[swapped * classes + c];
          }
        }
      }
    }
    for (Map.Entry<Integer, double[]> entry : sums.entrySet()) {
      int cell = entry.getKey();
      double[] s = entry.getValue();
      double[] ev = new double[classes];
      int best = 0;
      for (int c = 0; c < classes; c++) {
        ev[c] = Math.max(s[c], s[classes + c]) + biases[c];
        if (ev[c] > ev[best]) {
          best = c;
        }
      }
      double second = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        if (c != best) {
          second = Math.max(second, ev[c]);
        }
      }
      int cx = cell % cellsX;
      int cy = cell / cellsX;
      readouts.add(new Readout(k, cx, cy, ev));
      double margin = ev[best] - second;
      if (margin >= spikeMargin) {
        int x = Math.min(width - 1, Math.max(0, g.cellCentre(cx)));
        int y = Math.min(height - 1, Math.max(0, g.cellCentre(cy)));
        spikes.add(new Spike(x, y, (k + 1) * g.binUs(), best, ev[best], margin));
      }
    }
  }

  /** Every spike so far, readout by readout, neurons in row-major order within a readout. */
  public List<Spike> spikes() {
    return spikes;
  }

  /** Every neuron readout so far (same order as the spikes). */
  public List<Readout> readouts() {
    return readouts;
  }

  public long eventsOutOfRange() {
    return outOfRange;
  }

  public long eventsOutOfOrder() {
    return outOfOrder;
  }

  public long eventsClamped() {
    return clamped;
  }
}
