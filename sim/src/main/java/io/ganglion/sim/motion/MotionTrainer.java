package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionGeometry;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Supervised training of the detector's kernels: multinomial logistic (softmax) regression on the
 * layer's evidence at an event. For a sample event with features f_1..f_n (one per earlier event
 * in its kernel window, the event itself included),
 *
 * <pre>
 *   z_c = sum_j w(f_j, c) + b_c,   p = softmax(z),   loss = -log p_y + l2/2 |w|^2
 *   d loss / d w(f_j, c) = p_c - [c = y],   d loss / d b_c = p_c - [c = y]
 * </pre>
 *
 * Adam over mini-batches in an order shuffled per epoch from the seed. Single-threaded and in a
 * fixed operation order, with {@link StrictMath#exp}: the same samples and config give the same
 * weights bit for bit on every JVM.
 */
public final class MotionTrainer {

  /** Progress and per-epoch results. */
  public interface Listener {
    /** After each mini-batch: samples processed so far over all epochs, of {@code total}. */
    default void progress(long done, long total) {}

    /** After each epoch: mean loss over its batches and accuracy of the running predictions. */
    default void epoch(int epoch, double meanLoss, double runningAccuracy) {}
  }

  /** The fitted weights (feature-major, F x C), biases and training accuracy (argmax on the samples). */
  public record Result(double[] weights, double[] biases, double trainAccuracy, double[] epochLoss) {}

  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final MotionGeometry g;
  private final int classes;
  private final int features;
  private final double[] w;
  private final double[] b;
  private final double[] gradW;
  private final double[] gradB;
  private final double[] mW;
  private final double[] vW;
  private final double[] mB;
  private final double[] vB;
  private final double[] z;
  private final double[] p;
  private long adamStep;
  private boolean[] frozenZero;
  /** With frozen zeros: the free classes of feature row f at rowClass[rowStart[f] .. rowStart[f + 1]). */
  private int[] rowStart;
  private int[] rowClass;
  /** With frozen zeros: the indices of the free weights. */
  private int[] free;

  private MotionTrainer(MotionGeometry g, int classes) {
    this.g = g;
    this.classes = classes;
    this.features = g.featureCount();
    int n = features * classes;
    w = new double[n];
    b = new double[classes];
    gradW = new double[n];
    gradB = new double[classes];
    mW = new double[n];
    vW = new double[n];
    mB = new double[classes];
    vB = new double[classes];
    z = new double[classes];
    p = new double[classes];
  }

  /** Fits {@code classes} classes of geometry {@code g} to {@code samples}, from random initial weights. */
  public static Result train(MotionGeometry g, int classes, MotionSampleSet samples, MotionTrainerConfig config,
      Listener listener) {
    MotionTrainer t = new MotionTrainer(g, classes);
    SplittableRandom init = new SplittableRandom(config.seed());
    double halfWidth = config.initScale() * Math.sqrt(3); // uniform with standard deviation initScale
    for (int i = 0; i < t.w.length; i++) {
      t.w[i] = (init.nextDouble() * 2 - 1) * halfWidth;
    }
    if (!config.trainBiases()) {
      // No class prior at all: the event's own feature (present at every event) would act as a
      // per-event bias, so it is held at 0 with the biases. An event without neighbours then adds
      // nothing, and the evidence does not depend on the event rate's share of isolated events.
      boolean[] frozen = new boolean[t.w.length];
      int self = g.selfFeature();
      for (int k = 0; k < classes; k++) {
        frozen[self * classes + k] = true;
        t.w[self * classes + k] = 0;
      }
      t.freeze(frozen);
    }
    return t.run(samples, config, listener);
  }

  /**
   * Fine-tunes a pruned model: starts from its weights and biases and keeps its zero weights at 0
   * (they get no updates), so the sparsity, and with it the detector's cost, is unchanged.
   */
  public static Result fineTunePruned(MotionModel pruned, MotionSampleSet samples, MotionTrainerConfig config,
      Listener listener) {
    MotionTrainer t = new MotionTrainer(pruned.geometry(), pruned.classCount());
    double[] w0 = pruned.weights();
    System.arraycopy(w0, 0, t.w, 0, w0.length);
    System.arraycopy(pruned.biases(), 0, t.b, 0, t.b.length);
    boolean[] frozen = new boolean[w0.length];
    for (int i = 0; i < w0.length; i++) {
      frozen[i] = w0[i] == 0;
    }
    t.freeze(frozen);
    return t.run(samples, config, listener);
  }

  /**
   * Holds the weights marked {@code frozen} (all 0) where they are: they get no updates, and the
   * forward and backward passes walk rows of the free weights only (cost ~ the free weights).
   */
  private void freeze(boolean[] frozen) {
    frozenZero = frozen;
    int nonZero = 0;
    for (boolean f : frozen) {
      nonZero += f ? 0 : 1;
    }
    int c = classes;
    rowStart = new int[features + 1];
    rowClass = new int[nonZero];
    free = new int[nonZero];
    int n = 0;
    for (int f = 0; f < features; f++) {
      rowStart[f] = n;
      for (int k = 0; k < c; k++) {
        if (!frozen[f * c + k]) {
          free[n] = f * c + k;
          rowClass[n++] = k;
        }
      }
    }
    rowStart[features] = n;
  }

  private Result run(MotionSampleSet samples, MotionTrainerConfig config, Listener listener) {
    if (samples.size() == 0) {
      throw new IllegalArgumentException("no training samples: the movies produced no usable events");
    }
    Listener l = listener == null ? new Listener() {} : listener;
    MotionTrainer t = this;
    int n = samples.size();
    int[] order = new int[n];
    double[] epochLoss = new double[config.epochs()];
    long total = (long) n * config.epochs();
    long done = 0;
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      SplittableRandom shuffle = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + epoch + 1);
      for (int i = n - 1; i > 0; i--) {
        int j = shuffle.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      double lossSum = 0;
      int correct = 0;
      for (int from = 0; from < n; from += config.batchSize()) {
        int to = Math.min(n, from + config.batchSize());
        Arrays.fill(t.gradB, 0); // gradW is cleared by adam() as it is consumed
        for (int k = from; k < to; k++) {
          int s = order[k];
          lossSum += t.accumulate(samples, s);
          correct += t.argmax() == samples.label(s) ? 1 : 0;
        }
        t.adam(to - from, config);
        done += to - from;
        l.progress(done, total);
      }
      epochLoss[epoch] = lossSum / n;
      l.epoch(epoch, epochLoss[epoch], correct / (double) n);
    }
    // Final pass: accuracy with the final weights.
    int correct = 0;
    for (int s = 0; s < n; s++) {
      t.forward(samples, s);
      correct += t.argmax() == samples.label(s) ? 1 : 0;
    }
    return new Result(t.w.clone(), t.b.clone(), correct / (double) n, epochLoss);
  }

  /** z_c of sample s. */
  private void forward(MotionSampleSet samples, int s) {
    int[] f = samples.featureStore();
    int c = classes;
    System.arraycopy(b, 0, z, 0, c);
    if (rowStart != null) {
      for (int j = samples.start(s); j < samples.end(s); j++) {
        int row = f[j];
        for (int r = rowStart[row]; r < rowStart[row + 1]; r++) {
          z[rowClass[r]] += w[row * c + rowClass[r]];
        }
      }
    } else {
      for (int j = samples.start(s); j < samples.end(s); j++) {
        int row = f[j] * c;
        for (int k = 0; k < c; k++) {
          z[k] += w[row + k];
        }
      }
    }
  }

  private int argmax() {
    int best = 0;
    for (int k = 1; k < classes; k++) {
      if (z[k] > z[best]) {
        best = k;
      }
    }
    return best;
  }

  /** Forward and backward for sample s; adds its gradient; returns its cross-entropy. */
  private double accumulate(MotionSampleSet samples, int s) {
    forward(samples, s);
    int c = classes;
    int y = samples.label(s);
    double max = z[argmax()];
    double sum = 0;
    for (int k = 0; k < c; k++) {
      p[k] = StrictMath.exp(z[k] - max);
      sum += p[k];
    }
    double loss = -(z[y] - max - StrictMath.log(sum));
    for (int k = 0; k < c; k++) {
      p[k] = p[k] / sum - (k == y ? 1 : 0); // d loss / d z_k
      gradB[k] += p[k];
    }
    int[] f = samples.featureStore();
    if (rowStart != null) {
      for (int j = samples.start(s); j < samples.end(s); j++) {
        int row = f[j];
        for (int r = rowStart[row]; r < rowStart[row + 1]; r++) {
          gradW[row * c + rowClass[r]] += p[rowClass[r]];
        }
      }
      return loss;
    }
    for (int j = samples.start(s); j < samples.end(s); j++) {
      int row = f[j] * c;
      for (int k = 0; k < c; k++) {
        gradW[row + k] += p[k];
      }
    }
    return loss;
  }

  /** One Adam step on the batch's mean gradient plus weight decay. */
  private void adam(int batch, MotionTrainerConfig config) {
    adamStep++;
    double lr = config.learningRate();
    double c1 = 1 - StrictMath.pow(BETA1, adamStep);
    double c2 = 1 - StrictMath.pow(BETA2, adamStep);
    double inv = 1.0 / batch;
    double l2 = config.l2();
    int n = free == null ? w.length : free.length;
    for (int k = 0; k < n; k++) {
      int i = free == null ? k : free[k];
      double gr = gradW[i] * inv + l2 * w[i];
      gradW[i] = 0;
      mW[i] = BETA1 * mW[i] + (1 - BETA1) * gr;
      vW[i] = BETA2 * vW[i] + (1 - BETA2) * gr * gr;
      w[i] -= lr * (mW[i] / c1) / (Math.sqrt(vW[i] / c2) + EPSILON);
    }
    for (int i = 0; i < b.length && config.trainBiases(); i++) {
      double gr = gradB[i] * inv;
      mB[i] = BETA1 * mB[i] + (1 - BETA1) * gr;
      vB[i] = BETA2 * vB[i] + (1 - BETA2) * gr * gr;
      b[i] -= lr * (mB[i] / c1) / (Math.sqrt(vB[i] / c2) + EPSILON);
    }
  }
}
