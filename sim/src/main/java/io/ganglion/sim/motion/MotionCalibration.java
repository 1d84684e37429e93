package io.ganglion.sim.motion;

import java.util.Arrays;
import java.util.List;

/**
 * The spike margin from the output neurons' readouts on training-like movies: the margin (winner
 * minus runner-up of V) at a quantile of the readouts' margins, so that a known fraction of the
 * readouts spike. Used after training and again after pruning (pruning shrinks the evidence, so
 * the same margin would silence the layer).
 */
public final class MotionCalibration {

  private MotionCalibration() {}

  /** Readout accuracy and sorted margins of a model over some movies. */
  public record Margins(double accuracy, double[] sortedMargins) {

    /** The margin at quantile q in [0, 1) (floor index), at least 0. */
    public double quantile(double q) {
      if (!(q >= 0 && q < 1)) {
        throw new IllegalArgumentException("quantile must be in [0, 1), got " + q);
      }
      if (sortedMargins.length == 0) {
        return 0;
      }
      return Math.max(0, sortedMargins[(int) Math.floor(q * (sortedMargins.length - 1))]);
    }
  }

  /** Every neuron readout of {@code model} (double weights) over {@code movies}. */
  public static Margins margins(MotionModel model, List<MotionEvaluation.MovieEvents> movies) {
    double[][] margins = {new double[1 << 12]};
    int[] n = {0};
    long[] correct = {0};
    long binUs = model.geometry().binUs();
    for (MotionEvaluation.MovieEvents me : movies) {
      MotionFloatDetector.run(model, me.movie().size().width(), me.movie().size().height(), me.events(),
          (bin, cx, cy, v, best, margin) -> {
            if (n[0] == margins[0].length) {
              margins[0] = Arrays.copyOf(margins[0], 2 * n[0]);
            }
            margins[0][n[0]++] = margin;
            correct[0] += best == me.movie().track().classAt((bin + 1) * binUs - 1) ? 1 : 0;
          });
    }
    double[] sorted = Arrays.copyOf(margins[0], n[0]);
    Arrays.sort(sorted);
    return new Margins(n[0] == 0 ? Double.NaN : correct[0] / (double) n[0], sorted);
  }
}
