package io.ganglion.controllers.motion;

import io.ganglion.controllers.fixed.Q16;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The motion detector in double precision, written from the definition: it keeps the events of
 * the last D bins and, at each new event (x, y, p, bin b), finds for every pixel of the K x K
 * window centred on it and each polarity q the latest event there (the event itself included),
 * and sums
 *
 * <pre>
 *   E_c = bias_c + sum w_c(q xor p, b - b_e, v + R, u + R)   over those with b - b_e &lt; D
 *   V_c(cell, k) = lambda^(k - k_last) V_c(cell, k_last) + sum of E_c over the cell's events of bin k
 * </pre>
 *
 * At the end of each bin it reads out the neurons of the cells that received events, with the same
 * winner-take-all, margin and shift-down as {@link MotionDetector} (floored at -16384), and the
 * same time rules (bins, tolerance, clamping, dropping). Slow (every event scans the history) and
 * allocating: for tests and tools, not the firmware.
 */
public final class MotionDetectorReference {

  /** A spike: cell centre, end of the bin, class, the neuron's evidence and margin. */
  public record Spike(int x, int y, long tUs, int classIndex, double evidence, double margin) {}

  /** One event's layer evidence. */
  public record EventEvidence(long tUs, int x, int y, double[] evidence) {}

  /** One neuron readout at the end of bin {@code bin}, before the spike decision. */
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
  private final List<Ev> history = new ArrayList<>();
  private final Map<Integer, double[]> neurons = new HashMap<>();
  private final Map<Integer, Long> neuronBins = new HashMap<>();
  private final java.util.TreeSet<Integer> touched = new java.util.TreeSet<>();
  private final List<Spike> spikes = new ArrayList<>();
  private final List<EventEvidence> events = new ArrayList<>();
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
    long bin = curBin;
    history.removeIf(e -> bin - e.bin >= g.delays());
    history.add(new Ev(x, y, polarity, bin));
    // The latest event of each (pixel, polarity): the last one added.
    Map<Long, Long> latest = new HashMap<>();
    for (Ev e : history) {
      latest.put(((long) e.y * width + e.x) * 2 + e.polarity, e.bin);
    }
    int r = g.radius();
    double[] e = biases.clone();
    for (int v = -r; v <= r; v++) {
      for (int u = -r; u <= r; u++) {
        int px = x + u;
        int py = y + v;
        if (px < 0 || px >= width || py < 0 || py >= height) {
          continue;
        }
        for (int q = 0; q < 2; q++) {
          Long be = latest.get(((long) py * width + px) * 2 + q);
          if (be == null || bin - be >= g.delays()) {
            continue;
          }
          int f = g.featureIndex(q ^ polarity, (int) (bin - be), v + r, u + r);
          for (int c = 0; c < classes; c++) {
            e[c] += weights[f * classes + c];
          }
        }
      }
    }
    events.add(new EventEvidence(latestTUs, x, y, e));
    int cell = (y / g.cellSize()) * g.cellsAcross(width) + x / g.cellSize();
    double[] n = neurons.computeIfAbsent(cell, k -> new double[classes]);
    Long last = neuronBins.put(cell, bin);
    if (last == null || last != bin) {
      double decay = last == null ? 0.0 : g.decay(bin - last);
      for (int c = 0; c < classes; c++) {
        n[c] *= decay;
      }
    }
    for (int c = 0; c < classes; c++) {
      n[c] += e[c];
    }
    touched.add(cell);
  }

  private void moveTo(long bin) {
    if (bin == curBin) {
      return;
    }
    int cellsX = g.cellsAcross(width);
    for (int cell : touched) {
      double[] n = neurons.get(cell);
      int best = 0;
      for (int c = 0; c < classes; c++) {
        if (n[c] > n[best]) {
          best = c;
        }
      }
      double second = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        if (c != best) {
          second = Math.max(second, n[c]);
        }
      }
      readouts.add(new Readout(curBin, cell % cellsX, cell / cellsX, n.clone()));
      if (n[best] - second >= spikeMargin) {
        int s = g.cellSize();
        int cx = Math.min(width - 1, (cell % cellsX) * s + (s - 1) / 2);
        int cy = Math.min(height - 1, (cell / cellsX) * s + (s - 1) / 2);
        spikes.add(new Spike(cx, cy, (curBin + 1) * g.binUs(), best, n[best], n[best] - second));
      }
      double top = n[best];
      for (int c = 0; c < classes; c++) {
        n[c] = Math.max(n[c] - top, -16384.0);
      }
    }
    touched.clear();
    curBin = bin;
  }

  /** Moves the clock to {@code tUs} without an event (no effect on the evidence). */
  public void advanceTo(long tUs) {
    if (started && tUs > latestTUs && tUs <= MotionDetector.MAX_TIME_US) {
      latestTUs = tUs;
      moveTo(tUs / g.binUs());
    }
  }

  /** End of stream: reads out the current bin as if time had reached its end. */
  public void flush() {
    if (started) {
      advanceTo((curBin + 1) * g.binUs());
    }
  }

  /** Every spike so far: readout by readout, cells in increasing index within a readout. */
  public List<Spike> spikes() {
    return spikes;
  }

  /** Every accepted event's layer evidence, in order. */
  public List<EventEvidence> events() {
    return events;
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
