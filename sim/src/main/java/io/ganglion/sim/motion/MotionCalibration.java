package io.ganglion.sim.motion;

import java.util.Arrays;

/**
 * Evidence of a float model on training samples: accuracy and the spike margin at a quantile of
 * the samples' margins (winner minus runner-up). Used to set the spike margin after training and
 * again after pruning (pruning shrinks the evidence, so the same margin would silence the layer).
 */
public final class MotionCalibration {

  private MotionCalibration() {}

  /** Argmax accuracy and margins of {@code model} over {@code samples}. */
  public record Margins(double accuracy, double[] sortedMargins) {

    /** The margin at quantile q in [0, 1) (floor index), at least 0. */
    public double quantile(double q) {
      if (!(q >= 0 && q < 1)) {
        throw new IllegalArgumentException("quantile must be in [0, 1), got " + q);
      }
      return Math.max(0, sortedMargins[(int) Math.floor(q * (sortedMargins.length - 1))]);
    }
  }

  /** Computes the evidence of every sample with the model's double weights. */
  public static Margins margins(MotionModel model, MotionSampleSet samples) {
    if (samples.size() == 0) {
      throw new IllegalArgumentException("no samples to calibrate on");
    }
    int classes = model.classCount();
    double[] w = model.weights();
    double[] bias = model.biases();
    int half = model.geometry().featureCount() / 2;
    double[] a = new double[classes];
    double[] b = new double[classes];
    double[] margins = new double[samples.size()];
    char[] f = samples.featureStore();
    int correct = 0;
    for (int s = 0; s < samples.size(); s++) {
      Arrays.fill(a, 0);
      Arrays.fill(b, 0);
      for (int j = samples.start(s); j < samples.end(s); j++) {
        int direct = f[j] * classes;
        int swapped = (f[j] < half ? f[j] + half : f[j] - half) * classes;
        for (int c = 0; c < classes; c++) {
          a[c] += w[direct + c];
          b[c] += w[swapped + c];
        }
      }
      int best = 0;
      for (int c = 0; c < classes; c++) {
        a[c] = Math.max(a[c], b[c]) + bias[c];
        best = a[c] > a[best] ? c : best;
      }
      double second = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        if (c != best) {
          second = Math.max(second, a[c]);
        }
      }
      margins[s] = a[best] - second;
      correct += best == samples.label(s) ? 1 : 0;
    }
    Arrays.sort(margins);
    return new Margins(correct / (double) samples.size(), margins);
  }
}
