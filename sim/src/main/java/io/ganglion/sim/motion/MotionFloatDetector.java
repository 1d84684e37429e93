package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.drivers.events.EventBuffer;
import java.util.Arrays;

/**
 * The detector's arithmetic in double precision with a model's weights, over a recorded stream:
 * the layer's evidence at each event ({@link MotionEventFeatures}) and the output neurons'
 * readouts at each bin end, with the same rules as the fixed-point {@code MotionDetector} (leak
 * lambda^bins, readout of the cells that received events, shift-down by the winner, floor at
 * -16384). Fast (arrays, no history scan) but allocating per stream: for training and evaluation.
 */
public final class MotionFloatDetector {

  /** Receives the layer's evidence of an event and the neuron readouts (arrays valid during the call). */
  public interface Listener {
    default void event(long tUs, int x, int y, double[] evidence) {}

    /** A readout of the neuron of cell (cellX, cellY) at the end of bin {@code bin}, with its winner and margin. */
    void readout(long bin, int cellX, int cellY, double[] evidence, int best, double margin);
  }

  private MotionFloatDetector() {}

  /** Runs {@code model} over {@code events} of a {@code widthPx x heightPx} sensor. */
  public static void run(MotionModel model, int widthPx, int heightPx, EventBuffer events, Listener listener) {
    MotionGeometry g = model.geometry();
    int classes = model.classCount();
    double[] w = model.weights();
    double[] bias = model.biases();
    int cellsX = g.cellsAcross(widthPx);
    int cells = cellsX * g.cellsAcross(heightPx);
    double[] v = new double[cells * classes];
    long[] lastBin = new long[cells];
    Arrays.fill(lastBin, Long.MIN_VALUE);
    int[] touched = new int[cells];
    int[] count = {0};
    long[] curBin = {Long.MIN_VALUE};
    double[] e = new double[classes];
    double[] view = new double[classes];
    MotionEventFeatures.forEach(g, widthPx, heightPx, events, (i, x, y, t, bin, f, n) -> {
      if (bin != curBin[0]) {
        if (curBin[0] != Long.MIN_VALUE) {
          readout(curBin[0], v, touched, count[0], classes, cellsX, view, listener);
        }
        count[0] = 0;
        curBin[0] = bin;
      }
      System.arraycopy(bias, 0, e, 0, classes);
      for (int j = 0; j < n; j++) {
        int row = f[j] * classes;
        for (int c = 0; c < classes; c++) {
          e[c] += w[row + c];
        }
      }
      listener.event(t, x, y, e);
      int cell = (y / g.cellSize()) * cellsX + x / g.cellSize();
      int base = cell * classes;
      if (lastBin[cell] != bin) {
        double decay = lastBin[cell] == Long.MIN_VALUE ? 0.0 : g.decay(bin - lastBin[cell]);
        for (int c = 0; c < classes; c++) {
          v[base + c] *= decay;
        }
        lastBin[cell] = bin;
        touched[count[0]++] = cell;
      }
      for (int c = 0; c < classes; c++) {
        v[base + c] += e[c];
      }
    });
    if (curBin[0] != Long.MIN_VALUE) {
      readout(curBin[0], v, touched, count[0], classes, cellsX, view, listener);
    }
  }

  private static void readout(long bin, double[] v, int[] touched, int count, int classes, int cellsX, double[] view,
      Listener listener) {
    for (int i = 0; i < count; i++) {
      int cell = touched[i];
      int base = cell * classes;
      int best = 0;
      for (int c = 1; c < classes; c++) {
        best = v[base + c] > v[base + best] ? c : best;
      }
      double top = v[base + best];
      double second = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        if (c != best) {
          second = Math.max(second, v[base + c]);
        }
      }
      System.arraycopy(v, base, view, 0, classes);
      listener.readout(bin, cell % cellsX, cell / cellsX, view, best, top - second);
      for (int c = 0; c < classes; c++) {
        v[base + c] = Math.max(v[base + c] - top, -16384.0);
      }
    }
  }
}
