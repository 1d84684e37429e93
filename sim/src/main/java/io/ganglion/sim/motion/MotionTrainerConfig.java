package io.ganglion.sim.motion;

/**
 * Settings of {@link MotionTrainer}: softmax regression on the detector's evidence, fitted by
 * Adam over shuffled mini-batches.
 *
 * @param epochs passes over the samples, >= 1
 * @param batchSize samples per Adam step, >= 1
 * @param learningRate Adam's step size, > 0
 * @param l2 weight decay on the kernel weights (not the biases): loss + l2/2 |w|^2 per sample, >= 0
 * @param seed seed of the initial weights and of the sample order
 * @param initScale standard deviation of the initial weights (uniform, centred), >= 0
 * @param spikeQuantile the spike margin is set to this quantile of the output neurons' readout
 *     margins (winner minus runner-up) on calibration movies, in [0, 1): 0.5 = half of the readouts spike
 * @param trainBiases false keeps the biases and the event's own feature (a per-event class prior) at 0
 */
public record MotionTrainerConfig(int epochs, int batchSize, double learningRate, double l2, long seed,
    double initScale, double spikeQuantile, boolean trainBiases) {

  /** Validates. */
  public MotionTrainerConfig {
    if (epochs < 1 || epochs > 10_000) {
      throw new IllegalArgumentException("epochs must be in [1, 10000], got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    if (!(l2 >= 0) || !Double.isFinite(l2)) {
      throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
    }
    if (!(initScale >= 0) || !Double.isFinite(initScale)) {
      throw new IllegalArgumentException("init scale must be >= 0, got " + initScale);
    }
    if (!(spikeQuantile >= 0 && spikeQuantile < 1)) {
      throw new IllegalArgumentException("spike quantile must be in [0, 1), got " + spikeQuantile);
    }
  }

  /**
   * 10 epochs, batches of 256, learning rate 0.01, l2 1e-4, init 0.01, spike quantile 0.5, no
   * class prior (biases and the event's own feature held at 0: see {@link MotionTrainer#train}).
   */
  public static MotionTrainerConfig defaults(long seed) {
    return new MotionTrainerConfig(10, 256, 0.01, 1e-4, seed, 0.01, 0.5, false);
  }

  public MotionTrainerConfig withTrainBiases(boolean train) {
    return new MotionTrainerConfig(epochs, batchSize, learningRate, l2, seed, initScale, spikeQuantile, train);
  }

  public MotionTrainerConfig withEpochs(int e) {
    return new MotionTrainerConfig(e, batchSize, learningRate, l2, seed, initScale, spikeQuantile, trainBiases);
  }

  public MotionTrainerConfig withLearningRate(double lr) {
    return new MotionTrainerConfig(epochs, batchSize, lr, l2, seed, initScale, spikeQuantile, trainBiases);
  }

  public MotionTrainerConfig withL2(double v) {
    return new MotionTrainerConfig(epochs, batchSize, learningRate, v, seed, initScale, spikeQuantile, trainBiases);
  }

  public MotionTrainerConfig withBatchSize(int b) {
    return new MotionTrainerConfig(epochs, b, learningRate, l2, seed, initScale, spikeQuantile, trainBiases);
  }

  public MotionTrainerConfig withSpikeQuantile(double q) {
    return new MotionTrainerConfig(epochs, batchSize, learningRate, l2, seed, initScale, q, trainBiases);
  }
}
