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
 * @param samplesPerMovie events drawn per movie
 * @param minFeatures events whose layer window holds fewer features (the event itself counts one) are not drawn
 * @param geometry the detector geometry
 * @param trainer optimiser settings (its seed also seeds the dataset and the sample choice)
 * @param keepFraction fraction of weights kept by magnitude pruning after training, in (0, 1]; 1 = no pruning
 * @param fineTuneEpochs epochs of fine-tuning the pruned weights (0 = none; ignored without pruning)
 * @param contrastThresholds the sensor contrast thresholds of the training movies: the movies are
 *     split over them in whole blocks of one movie per class (higher thresholds give sparser events,
 *     as in real recordings); with more than one, at least classes x thresholds movies
 * @param calibrationMoviesPerDataset the first movies of each training dataset on which the spike
 *     margin is set (readouts of the output neurons)
 */
public record MotionTrainingConfig(MotionMovieConfig movies, int movieCount, int samplesPerMovie, int minFeatures,
    MotionGeometry geometry, MotionTrainerConfig trainer, double keepFraction, int fineTuneEpochs,
    List<Double> contrastThresholds, int calibrationMoviesPerDataset) {

  /**
   * The default geometry: 8 delays of 2 ms (16 ms), a 5 x 5 px kernel (radius 2), output cells of
   * 16 x 16 px, leak 20 ms (docs/motion.md, "Geometry", for the trade-off).
   */
  public static final MotionGeometry DEFAULT_GEOMETRY = new MotionGeometry(8, 2_000, 2, 16, 20_000);

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
    if (minFeatures < 1) {
      throw new IllegalArgumentException("minimum features must be >= 1, got " + minFeatures);
    }
    if (calibrationMoviesPerDataset < 1) {
      throw new IllegalArgumentException("calibration movies must be >= 1 per dataset, got " + calibrationMoviesPerDataset);
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
    int classes = movies.classes().count();
    if (contrastThresholds.size() > 1 && movieCount < (long) classes * contrastThresholds.size()) {
      throw new IllegalArgumentException(movieCount + " training movies leave a contrast threshold without a movie of"
          + " each class: give at least " + (long) classes * contrastThresholds.size() + " (" + classes + " classes x "
          + contrastThresholds.size() + " thresholds)");
    }
    contrastThresholds = List.copyOf(contrastThresholds);
  }

  /**
   * The training datasets: movie j of the split for threshold i is movie j of {@code
   * MotionDataset(movies with threshold i, n_i, seed + i)}. A dataset holds every class once per
   * block of C movies (C classes), so the movies are split over the thresholds in whole blocks:
   * with B = movieCount / C blocks and k thresholds, n_i = C (B / k + (i &lt; B mod k ? 1 : 0)), and
   * the first threshold also takes the movieCount mod C left over (a partial block). Every class
   * then gets B movies (+ 1 for the classes of the partial block), whatever k.
   */
  public List<MotionDataset> datasets() {
    List<MotionDataset> list = new ArrayList<>();
    int k = contrastThresholds.size();
    int c = movies.classes().count();
    int blocks = movieCount / c;
    for (int i = 0; i < k; i++) {
      int n = c * (blocks / k + (i < blocks % k ? 1 : 0)) + (i == 0 ? movieCount % c : 0);
      MotionMovieConfig m = movies.withSensor(movies.sensor().withThreshold(contrastThresholds.get(i)));
      list.add(new MotionDataset(m, n, trainer.seed() + i));
    }
    return list;
  }

  /**
   * The defaults for {@code classes}: 10 movies per class of 64 x 64 px and 200 ms (1/f noise,
   * default sensor), 1000 events per movie seeing at least 3 features, {@link #DEFAULT_GEOMETRY},
   * 4 epochs of Adam (learning rate 0.01, l2 1e-4), spike margin at the 0.5 quantile of the
   * readouts of one calibration movie per class, no pruning.
   */
  public static MotionTrainingConfig defaults(MotionClasses classes, long seed) {
    MotionMovieConfig movies = MotionMovieConfig.of(64, 64, 200_000, classes);
    MotionTrainerConfig trainer = MotionTrainerConfig.defaults(seed).withEpochs(4).withL2(1e-4).withSpikeQuantile(0.5);
    return new MotionTrainingConfig(movies, 10 * classes.count(), 1000, 3, DEFAULT_GEOMETRY, trainer, 1.0, 0,
        List.of(movies.sensor().thresholdOn()), classes.count());
  }

  public MotionTrainingConfig withMovies(MotionMovieConfig m) {
    return new MotionTrainingConfig(m, movieCount, samplesPerMovie, minFeatures, geometry, trainer, keepFraction,
        fineTuneEpochs,
        contrastThresholds, calibrationMoviesPerDataset);
  }

  public MotionTrainingConfig withMovieCount(int n) {
    return new MotionTrainingConfig(movies, n, samplesPerMovie, minFeatures, geometry, trainer, keepFraction,
        fineTuneEpochs,
        contrastThresholds, calibrationMoviesPerDataset);
  }

  public MotionTrainingConfig withSamplesPerMovie(int n) {
    return new MotionTrainingConfig(movies, movieCount, n, minFeatures, geometry, trainer, keepFraction,
        fineTuneEpochs,
        contrastThresholds, calibrationMoviesPerDataset);
  }

  public MotionTrainingConfig withGeometry(MotionGeometry g) {
    return new MotionTrainingConfig(movies, movieCount, samplesPerMovie, minFeatures, g, trainer, keepFraction,
        fineTuneEpochs,
        contrastThresholds, calibrationMoviesPerDataset);
  }

  public MotionTrainingConfig withTrainer(MotionTrainerConfig t) {
    return new MotionTrainingConfig(movies, movieCount, samplesPerMovie, minFeatures, geometry, t, keepFraction,
        fineTuneEpochs,
        contrastThresholds, calibrationMoviesPerDataset);
  }

  /** Prune to {@code keep} of the weights after training, then fine-tune {@code epochs} epochs. */
  public MotionTrainingConfig withPruning(double keep, int epochs) {
    return new MotionTrainingConfig(movies, movieCount, samplesPerMovie, minFeatures, geometry, trainer, keep,
        epochs,
        contrastThresholds, calibrationMoviesPerDataset);
  }

  /** Splits the movies over these sensor contrast thresholds. */
  public MotionTrainingConfig withContrastThresholds(List<Double> thresholds) {
    return new MotionTrainingConfig(movies, movieCount, samplesPerMovie, minFeatures, geometry, trainer, keepFraction,
        fineTuneEpochs, thresholds, calibrationMoviesPerDataset);
  }

  /** Calibrates the spike margin on the first {@code n} movies of each training dataset. */
  public MotionTrainingConfig withCalibrationMovies(int n) {
    return new MotionTrainingConfig(movies, movieCount, samplesPerMovie, minFeatures, geometry, trainer, keepFraction,
        fineTuneEpochs, contrastThresholds, n);
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
