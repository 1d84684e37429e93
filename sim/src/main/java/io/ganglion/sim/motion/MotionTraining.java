package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionClass;
import io.ganglion.controllers.motion.MotionPruning;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionDataset;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a motion model from simulated movies: draw samples ({@link MotionSampler}) from the
 * datasets of {@link MotionTrainingConfig#datasets()}, fit them ({@link MotionTrainer}), set
 * the spike margin, and optionally prune and fine-tune. The result's numbers are rounded to
 * float32, as the model file stores them. Deterministic in the config.
 */
public final class MotionTraining {

  /** Progress of the phases "sampling" (movies), "training" and "fine-tuning" (samples x epochs). */
  public interface Listener {
    void progress(String phase, long done, long total);
  }

  /** The model and the samples it was fitted to (for recalibrating pruned variants). */
  public record Trained(MotionModel model, MotionSampleSet samples) {}

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
          config.minWindowEvents(), seed + i, done -> l.progress("sampling", before + done, config.movieCount()));
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
    TrainingInfo info = new TrainingInfo(seed, config.describeDataset(), "", samples.size(), config.trainer().epochs(),
        r.trainAccuracy(), Double.NaN, Double.NaN);
    // Rounded to float32 before pruning, so that pruning this model later (MotionPruningSweep)
    // starts from the same weights as pruning here.
    MotionModel model = new MotionModel(config.geometry(), classList(config.classes()), r.weights(), r.biases(),
        r.spikeMargin(), info).roundedToFloat();
    if (config.keepFraction() < 1) {
      model = prune(model, samples, MotionPruning.keepCount(config.keepFraction(), model.weightCount()),
          config.fineTuneEpochs(), config.trainer(), l);
    }
    return new Trained(model.roundedToFloat(), samples);
  }

  /**
   * Prunes {@code model} to its {@code keep} largest weights, fine-tunes the survivors for
   * {@code epochs} epochs (0 = none) and sets the spike margin again at the trainer's quantile
   * of the training samples' margins.
   */
  public static MotionModel prune(MotionModel model, MotionSampleSet samples, int keep, int epochs,
      MotionTrainerConfig trainer, Listener listener) {
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
      pruned = new MotionModel(model.geometry(), model.classes(), r.weights(), r.biases(), r.spikeMargin(), info);
    } else {
      MotionCalibration.Margins m = MotionCalibration.margins(pruned, samples);
      info = new TrainingInfo(info.seed(), info.dataset(), info.command(), info.trainSamples(), info.epochs(),
          m.accuracy(), Double.NaN, Double.NaN);
      pruned = pruned.withSpikeMargin(m.quantile(trainer.spikeQuantile())).withTraining(info);
    }
    return pruned.roundedToFloat();
  }
}
