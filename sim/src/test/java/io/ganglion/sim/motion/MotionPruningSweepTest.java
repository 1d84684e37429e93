package io.ganglion.sim.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.motion.MotionPruning;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionDataset;
import io.ganglion.sim.dvs.MotionMovieConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pruning reaches the requested sparsity and trades accuracy for it roughly monotonically: keeping
 * fewer weights never gains much, and keeping almost none loses clearly.
 */
class MotionPruningSweepTest {

  @Test
  void accuracyFallsRoughlyMonotonicallyAsWeightsArePruned() {
    MotionClasses classes = new MotionClasses(4, 0.4);
    MotionMovieConfig movies = MotionMovieConfig.of(32, 32, 200_000, classes);
    MotionTrainingConfig config = MotionTrainingConfig.defaults(classes, 5).withMovies(movies).withMovieCount(24)
        .withSamplesPerMovie(60);
    config = config.withTrainer(config.trainer().withEpochs(5));
    MotionTraining.Trained trained = MotionTraining.train(config, null);
    List<MotionEvaluation.MovieEvents> heldOut = MotionEvaluation.generate(new MotionDataset(movies, 8, 77), null);
    double[] keeps = {1.0, 0.2, 0.02, 0.002};
    List<MotionPruningSweep.Point> points = MotionPruningSweep.run(trained, keeps, 1, config.trainer(), heldOut, null);

    int total = trained.model().weightCount();
    double previous = Double.POSITIVE_INFINITY;
    StringBuilder curve = new StringBuilder();
    for (int i = 0; i < keeps.length; i++) {
      MotionPruningSweep.Point p = points.get(i);
      // without a class prior the event's own feature is 0 for every class: at most total - C non-zero
      int expected = Math.min(MotionPruning.keepCount(keeps[i], total), total - classes.count());
      assertEquals(expected, p.nonZeroWeights(), 2, "sparsity at " + keeps[i]);
      double accuracy = p.fixed().readoutAccuracy();
      curve.append(String.format(java.util.Locale.ROOT, " %.3f@%d", accuracy, p.nonZeroWeights()));
      assertTrue(accuracy <= previous + 0.05, "pruning more should not gain much:" + curve);
      previous = Math.min(previous, accuracy);
    }
    double dense = points.get(0).fixed().readoutAccuracy();
    double sparsest = points.get(keeps.length - 1).fixed().readoutAccuracy();
    assertTrue(dense > sparsest + 0.1, "0.2% of the weights must lose clearly:" + curve);
    assertTrue(dense > 0.4, "the dense model learnt something (chance 0.25):" + curve);
  }
}
