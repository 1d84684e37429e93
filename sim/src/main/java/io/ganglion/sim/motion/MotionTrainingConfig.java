package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionDataset;
import io.ganglion.sim.dvs.MotionMovieConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@link MotionTraining} needs: the simulated training movies, how samples are drawn
 * from them, the detector geometry, the optimiser, and optional pruning with fine-tuning.
 *
 * @param movies the training movie settings (size, duration, classes, texture, sensor)
 * @param movieCount training movies (balanced over the classes: a multiple of the class count gives equal counts)
 * @param samplesPerMovie neuron windows drawn per movie
 * @param minWindowEvents windows with fewer events are not drawn
 * @param geometry the detector geometry
 * @param trainer optimiser settings (its seed also seeds the dataset and the sample choice)
 * @param keepFraction fraction of weights kept by magnitude pruning after training, in (0, 1]; 1 = no pruning
 * @param fineTuneEpochs epochs of fine-tuning the pruned weights (0 = none; ignored without pruning)
 * @param contrastThresholds the sensor contrast thresholds of the training movies: the movies are
 *     split evenly over them (higher thresholds give sparser events, as in real recordings)
 */
public record MotionTrainingConfig(MotionMovieConfig movies, int movieCount, int samplesPerMovie, int minWindowEvents,
    MotionGeometry geometry, MotionTrainerConfig trainer, double keepFraction, int fineTuneEpochs,
    List<Double> contrastThresholds) {

  /** The default geometry: 16 delays of 2.5 ms (40 ms), 16 x 16 px windows tiling the sensor. */
  public static final MotionGeometry DEFAULT_GEOMETRY = new MotionGeometry(16, 2_500, 16, 16);

  /** Validates. */
  public MotionTrainingConfig {
    if (movies == null || geometry == null || trainer == null) {
      throw new IllegalArgumentException("training config needs movies, geometry and trainer settings");
    }
    if (movieCount < 1) {
      throw new IllegalArgumentException("training needs at least one movie, got " + movieCount);
    }
    if (samplesPerMovie < 1) {
      throw new IllegalArgumentException("samples per movie must be >= 1, got " + samplesPerMovie);
    }
    if (minWindowEvents < 1) {
      throw new IllegalArgumentException("minimum window events must be >= 1, got " + minWindowEvents);
    }
    if (!(keepFraction > 0 && keepFraction <= 1)) {
      throw new IllegalArgumentException("keep fraction must be in (0, 1], got " + keepFraction);
    }
    if (fineTuneEpochs < 0) {
      throw new IllegalArgumentException("fine-tune epochs must be >= 0, got " + fineTuneEpochs);
    }
    if (contrastThresholds == null || contrastThresholds.isEmpty() || contrastThresholds.size() > movieCount) {
      throw new IllegalArgumentException("give 1.." + movieCount + " contrast thresholds (at most one per movie)");
    }
    contrastThresholds = List.copyOf(contrastThresholds);
  }

  /** The training datasets: movie j of the split for threshold i is movie j of {@code MotionDataset(movies with threshold i, n_i, seed + i)}. */
  public List<MotionDataset> datasets() {
    List<MotionDataset> list = new ArrayList<>();
    int k = contrastThresholds.size();
    for (int i = 0; i < k; i++) {
      int n = movieCount / k + (i < movieCount % k ? 1 : 0);
      MotionMovieConfig m = movies.withSensor(movies.sensor().withThreshold(contrastThresholds.get(i)));
      list.add(new MotionDataset(m, n, trainer.seed() + i));
    }
    return list;
  }

  /**
   * The defaults for {@code classes}: 10 movies per class of 64 x 64 px and 200 ms (1/f noise,
   * default sensor), 200 windows per movie of at least 8 events, {@link #DEFAULT_GEOMETRY}, 8 epochs
   * of Adam (learning rate 0.01, l2 1e-3, spike margin at the 0.8 quantile), no pruning.
   */
  public static MotionTrainingConfig defaults(MotionClasses classes, long seed) {
    MotionMovieConfig movies = MotionMovieConfig.of(64, 64, 200_000, classes);
    MotionTrainerConfig trainer = MotionTrainerConfig.defaults(seed).withEpochs(8).withL2(1e-3).withSpikeQuantile(0.8);
    return new MotionTrainingConfig(movies, 10 * classes.count(), 200, 8, DEFAULT_GEOMETRY, trainer, 1.0, 0,
        List.of(movies.sensor().thresholdOn()));
  }

  public MotionTrainingConfig withMovies(MotionMovieConfig m) {
    return new MotionTrainingConfig(m, movieCount, samplesPerMovie, minWindowEvents, geometry, trainer, keepFraction,
        fineTuneEpochs,
        contrastThresholds);
  }

  public MotionTrainingConfig withMovieCount(int n) {
    return new MotionTrainingConfig(movies, n, samplesPerMovie, minWindowEvents, geometry, trainer, keepFraction,
        fineTuneEpochs,
        contrastThresholds);
  }

  public MotionTrainingConfig withSamplesPerMovie(int n) {
    return new MotionTrainingConfig(movies, movieCount, n, minWindowEvents, geometry, trainer, keepFraction,
        fineTuneEpochs,
        contrastThresholds);
  }

  public MotionTrainingConfig withGeometry(MotionGeometry g) {
    return new MotionTrainingConfig(movies, movieCount, samplesPerMovie, minWindowEvents, g, trainer, keepFraction,
        fineTuneEpochs,
        contrastThresholds);
  }

  public MotionTrainingConfig withTrainer(MotionTrainerConfig t) {
    return new MotionTrainingConfig(movies, movieCount, samplesPerMovie, minWindowEvents, geometry, t, keepFraction,
        fineTuneEpochs,
        contrastThresholds);
  }

  /** Prune to {@code keep} of the weights after training, then fine-tune {@code epochs} epochs. */
  public MotionTrainingConfig withPruning(double keep, int epochs) {
    return new MotionTrainingConfig(movies, movieCount, samplesPerMovie, minWindowEvents, geometry, trainer, keep,
        epochs,
        contrastThresholds);
  }

  /** Splits the movies over these sensor contrast thresholds. */
  public MotionTrainingConfig withContrastThresholds(List<Double> thresholds) {
    return new MotionTrainingConfig(movies, movieCount, samplesPerMovie, minWindowEvents, geometry, trainer, keepFraction,
        fineTuneEpochs, thresholds);
  }

  /** The classes being trained. */
  public MotionClasses classes() {
    return movies.classes();
  }

  /** A one-line description of the training movies, for the model file. */
  public String describeDataset() {
    return String.format(java.util.Locale.ROOT,
        "sim: %d movies %dx%d px %.0f ms %s, %s, contrast thresholds %s, dataset seeds %d..%d",
        movieCount, movies.widthPx(), movies.heightPx(), movies.durationUs() / 1000.0, movies.texture().describe(),
        classes(), contrastThresholds, trainer.seed(), trainer.seed() + contrastThresholds.size() - 1);
  }
}
