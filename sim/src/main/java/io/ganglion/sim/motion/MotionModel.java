package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionClass;
import io.ganglion.controllers.motion.MotionDetectorConfig;
import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.controllers.motion.MotionKernel;
import io.ganglion.controllers.motion.MotionPruning;
import java.util.List;

/**
 * A trained motion detector in floating point: geometry, classes, kernels and biases (layout of
 * {@link MotionKernel}: weight (f, c) at f C + c), the spike margin, and how it was trained.
 * Immutable. {@link #toKernel()} quantizes it to the firmware's Q16.16.
 */
public final class MotionModel {

  private final MotionGeometry geometry;
  private final List<MotionClass> classes;
  private final double[] weights;
  private final double[] biases;
  private final double spikeMargin;
  private final TrainingInfo training;

  /** Validates shapes and values; arrays are copied. */
  public MotionModel(MotionGeometry geometry, List<MotionClass> classes, double[] weights, double[] biases,
      double spikeMargin, TrainingInfo training) {
    if (geometry == null || classes == null || weights == null || biases == null || training == null) {
      throw new IllegalArgumentException("motion model: geometry, classes, weights, biases and training must be given");
    }
    if (classes.size() < 2 || classes.size() > MotionKernel.MAX_CLASSES) {
      throw new IllegalArgumentException("motion model: needs 2.." + MotionKernel.MAX_CLASSES + " classes, got "
          + classes.size());
    }
    long expected = (long) geometry.featureCount() * classes.size();
    if (weights.length != expected) {
      throw new IllegalArgumentException("motion model: " + geometry + " with " + classes.size() + " classes needs "
          + expected + " weights, got " + weights.length);
    }
    if (biases.length != classes.size()) {
      throw new IllegalArgumentException("motion model: needs " + classes.size() + " biases, got " + biases.length);
    }
    for (int i = 0; i < weights.length; i++) {
      if (!Double.isFinite(weights[i]) || Math.abs(weights[i]) >= 32768) {
        throw new IllegalArgumentException("motion model: weight " + i + " must be finite and within +-32768, got "
            + weights[i]);
      }
    }
    for (int i = 0; i < biases.length; i++) {
      if (!Double.isFinite(biases[i]) || Math.abs(biases[i]) >= 32768) {
        throw new IllegalArgumentException("motion model: bias " + i + " must be finite and within +-32768, got " + biases[i]);
      }
    }
    if (!Double.isFinite(spikeMargin) || spikeMargin < 0 || spikeMargin >= 32768) {
      throw new IllegalArgumentException("motion model: spike margin must be in [0, 32768), got " + spikeMargin);
    }
    this.geometry = geometry;
    this.classes = List.copyOf(classes);
    this.weights = weights.clone();
    this.biases = biases.clone();
    this.spikeMargin = spikeMargin;
    this.training = training;
  }

  public MotionGeometry geometry() {
    return geometry;
  }

  public List<MotionClass> classes() {
    return classes;
  }

  public int classCount() {
    return classes.size();
  }

  /** A copy of the weights (F x C, feature-major). */
  public double[] weights() {
    return weights.clone();
  }

  /** Weight of feature f, class c (no copy). */
  public double weight(int feature, int classIndex) {
    return weights[feature * classes.size() + classIndex];
  }

  public double[] biases() {
    return biases.clone();
  }

  public double spikeMargin() {
    return spikeMargin;
  }

  public TrainingInfo training() {
    return training;
  }

  public int weightCount() {
    return weights.length;
  }

  public int nonZeroWeightCount() {
    int n = 0;
    for (double w : weights) {
      if (w != 0) {
        n++;
      }
    }
    return n;
  }

  /** The Q16.16 kernel (weights and biases rounded to nearest). */
  public MotionKernel toKernel() {
    return MotionKernel.quantize(geometry, classes, weights, biases);
  }

  /** A detector config for a sensor of this size with this model's spike margin. */
  public MotionDetectorConfig detectorConfig(int widthPx, int heightPx) {
    return MotionDetectorConfig.of(widthPx, heightPx).withSpikeMargin(spikeMargin);
  }

  /** This model with all but the {@code keep} weights of largest |w| set to 0 (biases kept). */
  public MotionModel pruned(int keep) {
    double[] w = weights.clone();
    MotionPruning.pruneInPlace(w, keep);
    return new MotionModel(geometry, classes, w, biases, spikeMargin, training);
  }

  /** This model with its weights, biases and spike margin rounded to float32 (what the model file stores). */
  public MotionModel roundedToFloat() {
    double[] w = weights.clone();
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) w[i];
    }
    double[] b = biases.clone();
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) b[i];
    }
    return new MotionModel(geometry, classes, w, b, (float) spikeMargin, training);
  }

  /** This model with another spike margin. */
  public MotionModel withSpikeMargin(double margin) {
    return new MotionModel(geometry, classes, weights, biases, margin, training);
  }

  /** This model with other training facts. */
  public MotionModel withTraining(TrainingInfo info) {
    return new MotionModel(geometry, classes, weights, biases, spikeMargin, info);
  }
}
