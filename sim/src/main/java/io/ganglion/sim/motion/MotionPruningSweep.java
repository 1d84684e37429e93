package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionPruning;
import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy against sparsity: the trained model pruned to each kept fraction (largest |w| kept),
 * fine-tuned with its zeros frozen, its spike margin set again on the calibration movies, then
 * evaluated on held-out movies in fixed and floating point.
 */
public final class MotionPruningSweep {

  /** One kept fraction: the pruned model and its held-out results. */
  public record Point(double keepFraction, int nonZeroWeights, MotionModel model, MotionEvaluation.Result fixed,
      MotionEvaluation.Result floating) {}

  private MotionPruningSweep() {}

  /** Evaluates {@code trained}'s model at each fraction of {@code keeps} (1 = the model as trained). */
  public static List<Point> run(MotionTraining.Trained trained, double[] keeps, int fineTuneEpochs,
      MotionTrainerConfig trainer, List<MotionEvaluation.MovieEvents> heldOut, MotionTraining.Listener listener) {
    List<Point> points = new ArrayList<>();
    MotionModel full = trained.model();
    for (double keep : keeps) {
      MotionModel m = keep >= 1 ? full
          : MotionTraining.prune(full, trained.samples(), trained.calibration(),
              MotionPruning.keepCount(keep, full.weightCount()),
              fineTuneEpochs, trainer, listener == null ? null
                  : (phase, done, total) -> listener.progress(phase + " at " + (100 * keep) + "%", done, total));
      MotionEvaluation.Result fixed = MotionEvaluation.fixedPoint(m.toKernel(), m.spikeMargin(), heldOut);
      MotionEvaluation.Result floating = MotionEvaluation.floatingPoint(m, heldOut);
      points.add(new Point(keep, m.nonZeroWeightCount(), m, fixed, floating));
    }
    return points;
  }
}
