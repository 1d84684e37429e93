package io.ganglion.controllers.motion;

import io.ganglion.controllers.fixed.Q16;
import java.util.List;

/**
 * The fixed-point weights of a motion detector: per class c a kernel w_c(p, d, dy, dx) and a
 * bias b_c, Q16.16. Immutable. The weight of feature f (see {@link MotionGeometry#featureIndex})
 * and class c is at {@code f * C + c}.
 */
public final class MotionKernel {

  /** The largest class count. */
  public static final int MAX_CLASSES = 256;

  private final MotionGeometry geometry;
  private final List<MotionClass> classes;
  private final int[] weightsQ16;
  private final int[] biasesQ16;
  private final int nonZero;

  /**
   * @param weightsQ16 F x C weights, feature-major (copied)
   * @param biasesQ16 C biases (copied)
   */
  public MotionKernel(MotionGeometry geometry, List<MotionClass> classes, int[] weightsQ16, int[] biasesQ16) {
    if (geometry == null || classes == null || weightsQ16 == null || biasesQ16 == null) {
      throw new IllegalArgumentException("motion kernel: geometry, classes, weights and biases must not be null");
    }
    int c = classes.size();
    if (c < 2 || c > MAX_CLASSES) {
      throw new IllegalArgumentException("motion kernel: needs 2.." + MAX_CLASSES + " classes, got " + c);
    }
    long expected = (long) geometry.featureCount() * c;
    if (expected > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("motion kernel: " + geometry + " x " + c + " classes is too many weights");
    }
    if (weightsQ16.length != expected) {
      throw new IllegalArgumentException("motion kernel: " + geometry + " with " + c + " classes needs "
          + expected + " weights (2 x delays x K x K x classes), got " + weightsQ16.length);
    }
    if (biasesQ16.length != c) {
      throw new IllegalArgumentException("motion kernel: needs one bias per class (" + c + "), got " + biasesQ16.length);
    }
    this.geometry = geometry;
    this.classes = List.copyOf(classes);
    this.weightsQ16 = weightsQ16.clone();
    this.biasesQ16 = biasesQ16.clone();
    int n = 0;
    for (int w : weightsQ16) {
      if (w != 0) {
        n++;
      }
    }
    this.nonZero = n;
  }

  /** Rounds double weights and biases (layout as in the constructor) to Q16.16, saturating. */
  public static MotionKernel quantize(MotionGeometry geometry, List<MotionClass> classes, double[] weights,
      double[] biases) {
    int[] w = new int[weights.length];
    for (int i = 0; i < w.length; i++) {
      if (!Double.isFinite(weights[i])) {
        throw new IllegalArgumentException("motion kernel: weight " + i + " is not finite (" + weights[i] + ")");
      }
      w[i] = Q16.fromDouble(weights[i]);
    }
    int[] b = new int[biases.length];
    for (int i = 0; i < b.length; i++) {
      if (!Double.isFinite(biases[i])) {
        throw new IllegalArgumentException("motion kernel: bias " + i + " is not finite (" + biases[i] + ")");
      }
      b[i] = Q16.fromDouble(biases[i]);
    }
    return new MotionKernel(geometry, classes, w, b);
  }

  public MotionGeometry geometry() {
    return geometry;
  }

  /** The classes, in output order. */
  public List<MotionClass> classes() {
    return classes;
  }

  public int classCount() {
    return classes.size();
  }

  /** All weights (a copy), feature-major. */
  public int[] weightsQ16() {
    return weightsQ16.clone();
  }

  /** All biases (a copy). */
  public int[] biasesQ16() {
    return biasesQ16.clone();
  }

  /** w_c(p, d, dy, dx) */
  public int weightQ16(int classIndex, int polarity, int delay, int dy, int dx) {
    return weightsQ16[geometry.featureIndex(polarity, delay, dy, dx) * classes.size() + classIndex];
  }

  /** The weight of feature {@code feature} for class {@code classIndex}. */
  public int weightQ16(int feature, int classIndex) {
    return weightsQ16[feature * classes.size() + classIndex];
  }

  public int biasQ16(int classIndex) {
    return biasesQ16[classIndex];
  }

  /** Number of weights (F x C). */
  public int weightCount() {
    return weightsQ16.length;
  }

  /** Number of non-zero weights. */
  public int nonZeroWeightCount() {
    return nonZero;
  }

  /** This kernel with all but the {@code keep} weights of largest |w| set to 0 (biases kept). */
  public MotionKernel pruned(int keep) {
    int[] w = weightsQ16.clone();
    MotionPruning.pruneInPlace(w, keep);
    return new MotionKernel(geometry, classes, w, biasesQ16);
  }

  /** This kernel with the given weights zeroed: weight i is kept where {@code keep[i]}. */
  public MotionKernel masked(boolean[] keep) {
    if (keep.length != weightsQ16.length) {
      throw new IllegalArgumentException("mask needs " + weightsQ16.length + " entries, got " + keep.length);
    }
    int[] w = weightsQ16.clone();
    for (int i = 0; i < w.length; i++) {
      if (!keep[i]) {
        w[i] = 0;
      }
    }
    return new MotionKernel(geometry, classes, w, biasesQ16);
  }
}
