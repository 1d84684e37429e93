package io.ganglion.firmware.cli.motion;

import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.OutputFile;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionDataset;
import io.ganglion.sim.dvs.MotionMovieConfig;
import io.ganglion.sim.dvs.TextureSpec;
import io.ganglion.sim.motion.MotionEvaluation;
import io.ganglion.sim.motion.MotionModel;
import io.ganglion.sim.motion.MotionModelFile;
import io.ganglion.sim.motion.MotionTrainerConfig;
import io.ganglion.sim.motion.MotionTraining;
import io.ganglion.sim.motion.MotionTrainingConfig;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ganglion motion train}: fits a motion model on simulated movies and writes its model file. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = io.ganglion.firmware.cli.support.VersionProvider.class,
    sortOptions = false,
    description = {
      "Train the motion detector's kernels (softmax regression on its evidence, Adam) on simulated DVS",
      "movies of 1/f noise moving in D directions x S speeds, optionally prune and fine-tune, and write",
      "the model file (JSON, all or nothing). Deterministic in --seed. See docs/motion.md."
    },
    footer = {"", "Examples:",
      "  ganglion motion train --out model8.json --directions 8 --speeds 1",
      "  ganglion motion train --out model36.json --keep 0.2 --held-out 4 --json"})
public final class MotionTrainCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "Model file to write (JSON).")
  Path out;

  @Option(names = "--directions", paramLabel = "D", defaultValue = "12", description = "Directions (default: ${DEFAULT-VALUE}).")
  int directions;

  @Option(names = "--speeds", paramLabel = "S", defaultValue = "3",
      description = "Speeds, geometric from 0.25 to 0.63 px/ms (S=3: the paper's 0.25, 0.40, 0.63; S=1: 0.40) (default: ${DEFAULT-VALUE}).")
  int speeds;

  @Option(names = "--speed-values", paramLabel = "V,...", split = ",",
      description = "The speeds in px/ms, increasing (instead of --speeds' geometric series; e.g. 0.1,0.25,0.63).")
  List<Double> speedValues;

  @Option(names = "--movies", paramLabel = "N", description = "Training movies, balanced over the classes (default: 10 per class).")
  Integer movies;

  @Option(names = "--samples-per-movie", paramLabel = "N", defaultValue = "1000",
      description = "Events drawn per movie as training samples (default: ${DEFAULT-VALUE}).")
  int samplesPerMovie;

  @Option(names = "--size", paramLabel = "PX", defaultValue = "64", description = "Training movie width and height (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--duration-ms", paramLabel = "MS", defaultValue = "200", description = "Training movie length (default: ${DEFAULT-VALUE}).")
  long durationMs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed of the dataset, the sample choice, the initial weights and the sample order (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--epochs", paramLabel = "E", defaultValue = "4", description = "Training epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--learning-rate", paramLabel = "LR", defaultValue = "0.01", description = "Adam step size (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(names = "--l2", paramLabel = "L", defaultValue = "0.0001", description = "Weight decay (default: ${DEFAULT-VALUE}).")
  double l2;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "256", description = "Samples per Adam step (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(names = "--spike-quantile", paramLabel = "Q", defaultValue = "0.5",
      description = "Spike margin = this quantile of the output neurons' readout margins on the calibration movies, in [0, 1) (default: ${DEFAULT-VALUE}).")
  double spikeQuantile;

  @Option(names = "--contrast-thresholds", paramLabel = "C,...", split = ",", defaultValue = "0.2",
      description = "Sensor contrast thresholds of the training movies, which are split over them in whole blocks of one movie per class (higher = sparser events) (default: ${DEFAULT-VALUE}).")
  List<Double> contrastThresholds;

  @Option(names = "--train-biases", paramLabel = "BOOL", defaultValue = "false", arity = "1",
      description = "Train the class biases and the event's own feature (a per-event class prior); false keeps them 0,"
          + " so that isolated events add no evidence (default: ${DEFAULT-VALUE}).")
  boolean trainBiases;

  @Option(names = "--delays", paramLabel = "D", defaultValue = "8", description = "Delay bins, 1..64 (default: ${DEFAULT-VALUE}).")
  int delays;

  @Option(names = "--bin-us", paramLabel = "US", defaultValue = "2000", description = "Delay bin width in us (default: ${DEFAULT-VALUE}).")
  long binUs;

  @Option(names = "--radius", paramLabel = "PX", defaultValue = "2",
      description = "Kernel radius: the kernel is (2R+1) x (2R+1) px centred on each event (default: ${DEFAULT-VALUE}).")
  int radius;

  @Option(names = "--cell", paramLabel = "PX", defaultValue = "16", description = "Output neuron cell side (default: ${DEFAULT-VALUE}).")
  int cell;

  @Option(names = "--leak-ms", paramLabel = "MS", defaultValue = "20",
      description = "Output neurons' leak time constant (default: ${DEFAULT-VALUE}).")
  double leakMs;

  @Option(names = "--calibration-movies", paramLabel = "N",
      description = "Training movies per contrast threshold on which the spike margin is set (default: one per class).")
  Integer calibrationMovies;

  @Option(names = "--noise-hz", paramLabel = "HZ", defaultValue = "0.1",
      description = "Background noise events per pixel and second in the training movies (default: ${DEFAULT-VALUE}).")
  double noiseHz;

  @Option(names = "--keep", paramLabel = "F", defaultValue = "1.0",
      description = "Prune to this fraction of the weights (largest |w| kept), in (0, 1] (default: ${DEFAULT-VALUE}: no pruning).")
  double keep;

  @Option(names = "--fine-tune-epochs", paramLabel = "E", defaultValue = "2",
      description = "Epochs of fine-tuning after pruning (default: ${DEFAULT-VALUE}).")
  int fineTuneEpochs;

  @Option(names = "--held-out", paramLabel = "N", defaultValue = "0",
      description = "Also evaluate on N held-out movies per class and contrast threshold (dataset seeds + 1000), fixed point; 0 = no (default: ${DEFAULT-VALUE}).")
  int heldOut;

  @Mixin JsonOption json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    MotionTrainingConfig config = config();
    OutputFile.create("--out", out).close(); // fail now, not after training, if it cannot be written
    long start = System.nanoTime();
    MotionTraining.Trained trained;
    try (PhasedProgress progress = new PhasedProgress()) {
      trained = MotionTraining.train(config, progress::update);
    }
    MotionModel model = trained.model();
    MotionEvaluation.Result eval = null;
    if (heldOut > 0) {
      List<MotionEvaluation.MovieEvents> movies = new java.util.ArrayList<>();
      try (PhasedProgress progress = new PhasedProgress()) {
        for (MotionDataset test : heldOutDatasets(config, heldOut)) {
          movies.addAll(MotionEvaluation.generate(test, done -> progress.update("held-out movies", done, test.size())));
        }
      }
      eval = MotionEvaluation.fixedPoint(model.toKernel(), model.spikeMargin(), movies);
      model = model.withTraining(model.training().withHeldOut(eval.movieAccuracy(), eval.spikeAccuracy()));
    }
    model = model.withTraining(model.training().withCommand(commandLine()));
    try (OutputFile file = OutputFile.create("--out", out)) {
      try (OutputStream os = file.open()) {
        MotionModelFile.write(model, os);
      }
      file.commit();
    }
    double wallS = (System.nanoTime() - start) / 1e9;
    summary(model, trained.samples().size(), eval, wallS).print(spec.commandLine().getOut(), json.enabled());
    return 0;
  }

  /** N movies per class for each contrast threshold, dataset seeds (training seed) + 1000 + i. */
  static List<MotionDataset> heldOutDatasets(MotionTrainingConfig config, int perClass) {
    List<MotionDataset> list = new java.util.ArrayList<>();
    for (int i = 0; i < config.contrastThresholds().size(); i++) {
      MotionMovieConfig m = config.movies().withSensor(config.movies().sensor().withThreshold(config.contrastThresholds().get(i)));
      list.add(new MotionDataset(m, perClass * config.classes().count(), config.trainer().seed() + 1000 + i));
    }
    return list;
  }

  private String commandLine() {
    return "ganglion " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }

  MotionTrainingConfig config() {
    if (directions < 1 || directions > 360 || speeds < 1 || speeds > 100) {
      throw new InvalidInputException("--directions must be in 1..360 and --speeds in 1..100, got " + directions
          + " and " + speeds);
    }
    MotionClasses classes;
    if (speedValues == null) {
      classes = MotionClasses.of(directions, speeds);
    } else {
      if (spec.commandLine().getParseResult().hasMatchedOption("--speeds") && speedValues.size() != speeds) {
        throw new InvalidInputException("--speed-values has " + speedValues.size() + " values but --speeds is " + speeds);
      }
      classes = new MotionClasses(directions, speedValues.stream().mapToDouble(Double::doubleValue).toArray());
      speeds = speedValues.size();
    }
    if (classes.count() < 2) {
      throw new InvalidInputException("the detector needs at least 2 classes; raise --directions or --speeds");
    }
    int movieCount = movies == null ? 10 * classes.count() : movies;
    check(movieCount >= 1, "--movies must be >= 1, got " + movieCount);
    check(samplesPerMovie >= 1, "--samples-per-movie must be >= 1, got " + samplesPerMovie);
    check(size >= 1 && size <= 2048, "--size must be 1..2048 px, got " + size);
    check(durationMs >= 1 && durationMs <= 60_000, "--duration-ms must be 1..60000, got " + durationMs);
    check(heldOut >= 0, "--held-out must be >= 0, got " + heldOut);
    check(keep > 0 && keep <= 1, "--keep must be a fraction in (0, 1], got " + keep);
    check(fineTuneEpochs >= 0, "--fine-tune-epochs must be >= 0, got " + fineTuneEpochs);
    int thresholds = contrastThresholds == null ? 1 : contrastThresholds.size();
    // each contrast threshold's movies are balanced over the classes in blocks of one movie per class
    check(movieCount >= (long) classes.count() * thresholds, "--movies " + movieCount + " leaves classes without a movie:"
        + " give at least " + (long) classes.count() * thresholds + " (" + classes.count() + " classes x " + thresholds
        + " contrast threshold(s))");
    MotionGeometry geometry;
    MotionTrainerConfig trainer;
    try {
      if (!(leakMs > 0) || !Double.isFinite(leakMs)) {
        throw new InvalidInputException("--leak-ms must be a positive number of milliseconds, got " + leakMs);
      }
      geometry = new MotionGeometry(delays, binUs, radius, cell, Math.round(leakMs * 1000));
      trainer = new MotionTrainerConfig(epochs, batchSize, learningRate, l2, seed, 0.01, spikeQuantile, trainBiases);
      MotionMovieConfig movieConfig = MotionMovieConfig.of(size, size, durationMs * 1000, classes)
          .withTexture(TextureSpec.noise());
      movieConfig = movieConfig.withSensor(movieConfig.sensor().withNoiseRateHz(noiseHz));
      MotionTrainingConfig c = new MotionTrainingConfig(movieConfig, movieCount, samplesPerMovie, 3, geometry, trainer,
          keep, fineTuneEpochs, contrastThresholds, calibrationMovies == null ? classes.count() : calibrationMovies);
      c.datasets(); // checks the contrast thresholds now rather than after sampling
      return c;
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new InvalidInputException(message);
    }
  }

  private Summary summary(MotionModel m, int samples, MotionEvaluation.Result eval, double wallS) {
    Summary s = new Summary()
        .put("out", out.toString())
        .put("classes", m.classCount())
        .put("directions", directions)
        .put("speeds", speeds)
        .put("geometry", m.geometry().toString())
        .put("samples", samples)
        .put("epochs", m.training().epochs())
        .put("weights", m.weightCount())
        .put("non_zero_weights", m.nonZeroWeightCount())
        .put("spike_margin", m.spikeMargin())
        .put("train_accuracy", m.training().trainAccuracy())
        .put("held_out_movies", eval == null ? 0 : eval.movies())
        .put("held_out_movie_accuracy", eval == null ? null : eval.movieAccuracy())
        .put("held_out_spike_accuracy", eval == null ? null : eval.spikeAccuracy())
        .put("held_out_spike_coverage", eval == null ? null : eval.spikeCoverage())
        .put("held_out_readout_accuracy", eval == null ? null : eval.readoutAccuracy())
        .put("held_out_event_accuracy", eval == null ? null : eval.eventAccuracy())
        .put("seed", seed)
        .put("wall_s", wallS);
    s.line("motion model: %d classes (%d directions x %d speeds), %s", m.classCount(), directions, speeds, m.geometry());
    s.line("  trained on  %d events from %s", samples, m.training().dataset());
    s.line("  weights     %d non-zero of %d, spike margin %.3f", m.nonZeroWeightCount(), m.weightCount(), m.spikeMargin());
    s.line("  accuracy    %.1f%% on the training events (argmax of the layer)", 100 * m.training().trainAccuracy());
    if (eval != null) {
      s.line("  held out    %d movies (fixed point): %.1f%% per movie, %.1f%% per spike (%d spikes, %.1f%% of the"
          + " readouts), %.1f%% per readout, %.1f%% per event", eval.movies(), 100 * eval.movieAccuracy(),
          100 * eval.spikeAccuracy(), eval.spikes(), 100 * eval.spikeCoverage(), 100 * eval.readoutAccuracy(),
          100 * eval.eventAccuracy());
    }
    s.line("  wrote       %s in %.1f s", out, wallS);
    return s;
  }
}
