package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionClass;
import io.ganglion.controllers.motion.MotionPruning;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionDataset;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a motion model from simulated movies: draw event samples ({@link MotionSampler}) from
 * the datasets of {@link MotionTrainingConfig#datasets()}, fit the layer's kernels to them
 * ({@link MotionTrainer}), set the spike margin from the output neurons' readouts on calibration
 * movies (the first movies of each training dataset, {@link MotionCalibration}), and optionally
 * prune and fine-tune. The result's numbers are rounded to float32, as the model file stores them.
 * Deterministic in the config.
 */
public final class MotionTraining {

  /** Progress of the phases "sampling" (movies), "training" and "fine-tuning" (samples x epochs). */
  public interface Listener {
    void progress(String phase, long done, long total);
  }

  /** The model, the samples it was fitted to and the calibration movies (for pruned variants). */
  public record Trained(MotionModel model, MotionSampleSet samples, List<MotionEvaluation.MovieEvents> calibration) {}

  private MotionTraining() {}

  /** The detector's class list for simulator classes (class = speedIndex * D + directionIndex). */
  public static List<MotionClass> classList(MotionClasses classes) {
    List<MotionClass> list = new ArrayList<>();
    for (int c = 0; c < classes.count(); c++) {
      list.add(new MotionClass(classes.directionDegOfClass(c), classes.speedOfClassPxPerMs(c)));
    }
    return list;
  }

  /** Runs the training described by {@code config}; {@code listener} may be null. */
  public static Trained train(MotionTrainingConfig config, Listener listener) {
    Listener l = listener == null ? (phase, done, total) -> {} : listener;
    long seed = config.trainer().seed();
    MotionSampleSet samples = new MotionSampleSet();
    int sampled = 0;
    List<MotionDataset> datasets = config.datasets();
    for (int i = 0; i < datasets.size(); i++) {
      int before = sampled;
      MotionSampler.sample(samples, config.geometry(), datasets.get(i), config.samplesPerMovie(),
          config.minFeatures(), seed + i, done -> l.progress("sampling", before + done, config.movieCount()));
      sampled += datasets.get(i).size();
    }
    int classes = config.classes().count();
    MotionTrainer.Result r = MotionTrainer.train(config.geometry(), classes, samples, config.trainer(),
        new MotionTrainer.Listener() {
          @Override
          public void progress(long done, long total) {
            l.progress("training", done, total);
          }
        });
    List<MotionEvaluation.MovieEvents> calibration = calibrationMovies(config, l);
    TrainingInfo info = new TrainingInfo(seed, config.describeDataset(), "", samples.size(), config.trainer().epochs(),
        r.trainAccuracy(), Double.NaN, Double.NaN);
    // Rounded to float32 before calibrating and pruning, so that pruning this model later
    // (MotionPruningSweep) starts from the same weights as pruning here.
    MotionModel model = new MotionModel(config.geometry(), classList(config.classes()), r.weights(), r.biases(), 0.0,
        info).roundedToFloat();
    model = calibrated(model, calibration, config.trainer().spikeQuantile());
    if (config.keepFraction() < 1) {
      model = prune(model, samples, calibration, MotionPruning.keepCount(config.keepFraction(), model.weightCount()),
          config.fineTuneEpochs(), config.trainer(), l);
    }
    return new Trained(model.roundedToFloat(), samples, calibration);
  }

  /** The first {@link MotionTrainingConfig#calibrationMoviesPerDataset()} movies of each training dataset. */
  static List<MotionEvaluation.MovieEvents> calibrationMovies(MotionTrainingConfig config, Listener l) {
    List<MotionEvaluation.MovieEvents> list = new ArrayList<>();
    for (MotionDataset d : config.datasets()) {
      int n = Math.min(d.size(), config.calibrationMoviesPerDataset());
      for (int i = 0; i < n; i++) {
        list.add(new MotionEvaluation.MovieEvents(d.movie(i), d.movie(i).allEvents()));
        l.progress("calibration movies", list.size(), (long) n * config.datasets().size());
      }
    }
    return list;
  }

  /** {@code model} with its spike margin at {@code quantile} of its readout margins on {@code movies}. */
  static MotionModel calibrated(MotionModel model, List<MotionEvaluation.MovieEvents> movies, double quantile) {
    return model.withSpikeMargin(MotionCalibration.margins(model, movies).quantile(quantile)).roundedToFloat();
  }

  /**
   * Prunes {@code model} to its {@code keep} largest weights, fine-tunes the survivors for
   * {@code epochs} epochs (0 = none) and sets the spike margin again on the calibration movies.
   */
  public static MotionModel prune(MotionModel model, MotionSampleSet samples,
      List<MotionEvaluation.MovieEvents> calibration, int keep, int epochs, MotionTrainerConfig trainer,
      Listener listener) {
    Listener l = listener == null ? (phase, done, total) -> {} : listener;
    MotionModel pruned = model.pruned(keep);
    TrainingInfo info = model.training();
    if (epochs > 0) {
      MotionTrainer.Result r = MotionTrainer.fineTunePruned(pruned, samples, trainer.withEpochs(epochs),
          new MotionTrainer.Listener() {
            @Override
            public void progress(long done, long total) {
              l.progress("fine-tuning", done, total);
            }
          });
      info = new TrainingInfo(info.seed(), info.dataset(), info.command(), info.trainSamples(),
          info.epochs() + epochs, r.trainAccuracy(), Double.NaN, Double.NaN);
      pruned = new MotionModel(model.geometry(), model.classes(), r.weights(), r.biases(), 0.0, info);
    }
    return calibrated(pruned.roundedToFloat(), calibration, trainer.spikeQuantile());
  }
}
