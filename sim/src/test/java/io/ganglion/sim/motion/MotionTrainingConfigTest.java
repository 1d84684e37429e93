package io.ganglion.sim.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionDataset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MotionTrainingConfigTest {

  /** Movies per class over all the training datasets of {@code config}. */
  private static int[] moviesPerClass(MotionTrainingConfig config) {
    int[] count = new int[config.movies().classes().count()];
    int total = 0;
    for (MotionDataset d : config.datasets()) {
      for (int i = 0; i < d.size(); i++) {
        count[d.classOf(i)]++;
      }
      total += d.size();
    }
    assertEquals(config.movieCount(), total, "every movie asked for is trained on");
    return count;
  }

  private static MotionTrainingConfig withThresholds(MotionClasses classes, int movies, List<Double> thresholds) {
    MotionTrainingConfig d = MotionTrainingConfig.defaults(classes, 1);
    return new MotionTrainingConfig(d.movies(), movies, d.samplesPerMovie(), d.minFeatures(), d.geometry(), d.trainer(),
        d.keepFraction(), d.fineTuneEpochs(), thresholds, d.calibrationMoviesPerDataset());
  }

  @Test
  void theBuiltInModelsSplitGivesEveryClassTheSameNumberOfMovies() {
    // the built-in model: 12 directions x 5 speeds, 600 movies over three contrast thresholds
    MotionClasses classes = new MotionClasses(12, new double[] {0.04, 0.08, 0.16, 0.32, 0.63});
    int[] count = moviesPerClass(withThresholds(classes, 600, List.of(0.2, 0.35, 0.5)));
    for (int c = 0; c < count.length; c++) {
      assertEquals(10, count[c], "class " + c);
    }
  }

  @Test
  void aPartialBlockAddsAtMostOneMovieToAClass() {
    MotionClasses classes = MotionClasses.of(8, 1);
    int[] count = moviesPerClass(withThresholds(classes, 8 * 7 + 3, List.of(0.2, 0.3)));
    int extra = 0;
    for (int c : count) {
      assertTrue(c == 7 || c == 8, "7 or 8 movies, got " + c);
      extra += c - 7;
    }
    assertEquals(3, extra);
  }

  @Test
  void fewerMoviesThanClassesTimesThresholdsIsRefused() {
    MotionClasses classes = MotionClasses.of(8, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> withThresholds(classes, 15, List.of(0.2, 0.3)));
    assertTrue(e.getMessage().contains("give at least 16 (8 classes x 2 thresholds)"), e.getMessage());
  }
}
