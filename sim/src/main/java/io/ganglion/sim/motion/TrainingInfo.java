package io.ganglion.sim.motion;

/**
 * How a motion model was trained and how well it did: the facts a model file carries so that it
 * can be reproduced and judged.
 *
 * @param seed the training seed (sample order, initial weights, sample choice)
 * @param dataset what it was trained on, e.g. {@code "sim: 216 movies 64x64 200 ms noise, seed 1"}
 * @param command the command that produced it (empty when not made by the CLI)
 * @param trainSamples training samples (neuron windows)
 * @param epochs passes over the samples
 * @param trainAccuracy accuracy (argmax) on the training samples after training, in [0, 1]
 * @param heldOutMovieAccuracy per-movie accuracy on held-out movies (fixed point), in [0, 1], or NaN if not measured
 * @param heldOutSpikeAccuracy per-spike accuracy on held-out movies (fixed point), in [0, 1], or NaN if not measured
 */
public record TrainingInfo(long seed, String dataset, String command, int trainSamples, int epochs,
    double trainAccuracy, double heldOutMovieAccuracy, double heldOutSpikeAccuracy) {

  /** Validates the fields. */
  public TrainingInfo {
    if (dataset == null || command == null) {
      throw new IllegalArgumentException("training info: dataset and command must not be null");
    }
    if (trainSamples < 0 || epochs < 0) {
      throw new IllegalArgumentException("training info: samples and epochs must be >= 0");
    }
  }

  /** This info with the held-out accuracies. */
  public TrainingInfo withHeldOut(double movieAccuracy, double spikeAccuracy) {
    return new TrainingInfo(seed, dataset, command, trainSamples, epochs, trainAccuracy, movieAccuracy, spikeAccuracy);
  }

  /** This info with the command line that made the model. */
  public TrainingInfo withCommand(String cmd) {
    return new TrainingInfo(seed, dataset, cmd, trainSamples, epochs, trainAccuracy, heldOutMovieAccuracy,
        heldOutSpikeAccuracy);
  }
}
