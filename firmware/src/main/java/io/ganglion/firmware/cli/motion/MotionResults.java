package io.ganglion.firmware.cli.motion;

import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionDataset;
import io.ganglion.sim.motion.MotionEvaluation;
import io.ganglion.sim.motion.MotionModel;
import io.ganglion.sim.motion.MotionPruningSweep;
import io.ganglion.sim.motion.MotionTraining;
import io.ganglion.sim.motion.MotionTrainingConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The experiments of docs/motion-results.md: train the 8 x 1 and 12 x 3 detectors, evaluate
 * them (float and fixed point) on held-out movies, sweep pruning on the 12 x 3 one, train the
 * built-in model (12 directions x 5 speeds, 0.04-0.63 px/ms) the way `ganglion motion train` made it,
 * and run the built-in and the 12 x 3 (20%) models on the real recordings.
 */
final class MotionResults {

  /** What to run. */
  record Plan(long seed, int moviesPerClass, int samplesPerMovie, int epochs, int heldOutPerClass8,
      int heldOutPerClass36, double[] keeps, int fineTuneEpochs, Path recordings) {

    static Plan full(Path recordings) {
      return new Plan(1, 10, 1000, 4, 8, 4, new double[] {1.0, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01, 0.005}, 2, recordings);
    }

    /** A tiny plan that exercises every step in seconds (for tests); its numbers mean nothing. */
    static Plan quick(Path recordings) {
      return new Plan(1, 2, 40, 2, 1, 1, new double[] {1.0, 0.2}, 1, recordings);
    }
  }

  /**
   * The built-in model's speeds (px/ms): from the real recordings' 0.02-0.16 px/ms (hand-held pan
   * and tilt, sliders) up to the paper's fastest, 0.63.
   */
  static final double[] BUILT_IN_SPEEDS_PX_PER_MS = {0.04, 0.08, 0.16, 0.32, 0.63};
  /** The built-in model's directions: 30 deg apart. */
  static final int BUILT_IN_DIRECTIONS = 12;
  /** The built-in model's training contrast thresholds: dense to sparse movies, like the DAVIS recordings. */
  static final List<Double> BUILT_IN_THRESHOLDS = List.of(0.2, 0.35, 0.5);
  /** The built-in model's pruning: the 20% largest weights, fine-tuned. */
  static final double BUILT_IN_KEEP = 0.2;

  /**
   * The built-in model's geometry: 16 delays of 5 ms (80 ms: at 0.04 px/ms a texture moves 3.2 px),
   * 5 x 5 px kernels, 16 px cells, leak 50 ms.
   */
  static final MotionGeometry BUILT_IN_GEOMETRY = new MotionGeometry(16, 5_000, 2, 16, 50_000);
  /** The training options that make the built-in model (the same settings as {@link #builtInConfig}). */
  static final String BUILT_IN_TRAIN_OPTIONS = "--directions 12 --speed-values 0.04,0.08,0.16,0.32,0.63"
      + " --contrast-thresholds 0.2,0.35,0.5 --delays 16 --bin-us 5000 --leak-ms 50 --keep 0.2";

  /** The built-in model's training config ({@link #BUILT_IN_TRAIN_OPTIONS}). */
  static MotionTrainingConfig builtInConfig(Plan plan) {
    return config(new MotionClasses(BUILT_IN_DIRECTIONS, BUILT_IN_SPEEDS_PX_PER_MS), plan)
        .withContrastThresholds(BUILT_IN_THRESHOLDS).withGeometry(BUILT_IN_GEOMETRY)
        .withPruning(BUILT_IN_KEEP, plan.fineTuneEpochs());
  }

  /** One trained task and its held-out results. */
  record Task(String name, MotionTrainingConfig config, MotionModel model, int trainSamples, int heldOutMovies,
      MotionEvaluation.Result fixed, MotionEvaluation.Result floating, double trainS, double evalS) {}

  /** One recording: the detections of the built-in and the paper (12 x 3, 20%) model, and the frame-shift reference. */
  record Recording(Path path, long windowUs, RecordingDetection.Result detection, RecordingDetection.Result paper,
      List<FrameShiftReference.Estimate> reference) {}

  record Outcome(Plan plan, Task eight, Task paper, List<MotionPruningSweep.Point> pruning, MotionModel pruned20,
      Task builtIn, List<Recording> recordings, double wallS) {}

  private MotionResults() {}

  static Outcome run(Plan plan, PhasedProgress progress) {
    long start = System.nanoTime();
    Task eight = task("8 directions x 1 speed", config(MotionClasses.of(8, 1), plan), plan.heldOutPerClass8(),
        progress).task();
    TaskRun paperRun = task("12 directions x 3 speeds", config(MotionClasses.paper(), plan), plan.heldOutPerClass36(),
        progress);
    Task paper = paperRun.task();
    List<MotionPruningSweep.Point> pruning = MotionPruningSweep.run(paperRun.trained(), plan.keeps(),
        plan.fineTuneEpochs(), paper.config().trainer(), paperRun.movies(),
        (phase, done, total) -> progress.update("pruning: " + phase, done, total));
    MotionModel pruned20 = null;
    for (MotionPruningSweep.Point p : pruning) {
      if (p.keepFraction() == 0.2) {
        pruned20 = p.model();
      }
    }
    Task builtIn = task("built-in 12 x 5", builtInConfig(plan), 1, progress).task();
    List<Recording> recordings = new ArrayList<>();
    if (plan.recordings() != null && Files.isDirectory(plan.recordings())) {
      recordings = recordings(plan.recordings(), pruned20 != null ? pruned20 : paper.model(), progress);
    }
    return new Outcome(plan, eight, paper, pruning, pruned20, builtIn, recordings, (System.nanoTime() - start) / 1e9);
  }

  static MotionTrainingConfig config(MotionClasses classes, Plan plan) {
    MotionTrainingConfig c = MotionTrainingConfig.defaults(classes, plan.seed());
    return c.withMovieCount(plan.moviesPerClass() * classes.count()).withSamplesPerMovie(plan.samplesPerMovie())
        .withTrainer(c.trainer().withEpochs(plan.epochs()));
  }

  /** A task with what the pruning sweep reuses: the training samples and the held-out movies. */
  private record TaskRun(Task task, MotionTraining.Trained trained, List<MotionEvaluation.MovieEvents> movies) {}

  private static TaskRun task(String name, MotionTrainingConfig config, int heldOutPerClass, PhasedProgress progress) {
    long t0 = System.nanoTime();
    MotionTraining.Trained trained = MotionTraining.train(config, (phase, done, total) ->
        progress.update(name + ": " + phase, done, total));
    long t1 = System.nanoTime();
    List<MotionEvaluation.MovieEvents> movies = new ArrayList<>();
    for (MotionDataset d : MotionTrainCommand.heldOutDatasets(config, heldOutPerClass)) {
      movies.addAll(MotionEvaluation.generate(d, done -> progress.update(name + ": held-out movies", done, d.size())));
    }
    MotionModel m = trained.model();
    MotionEvaluation.Result fixed = MotionEvaluation.fixedPoint(m.toKernel(), m.spikeMargin(), movies);
    MotionEvaluation.Result floating = MotionEvaluation.floatingPoint(m, movies);
    long t2 = System.nanoTime();
    Task task = new Task(name, config, m, trained.samples().size(), movies.size(), fixed, floating, (t1 - t0) / 1e9,
        (t2 - t1) / 1e9);
    return new TaskRun(task, trained, movies);
  }

  /** The window for a recording: a tenth of its duration, 50..200 ms, whole 10 ms. */
  static long windowUsFor(long durationUs) {
    long w = Math.max(50_000, Math.min(200_000, durationUs / 10));
    w = (w / 10_000) * 10_000;
    while (durationUs / w >= RecordingDetection.MAX_WINDOWS) { // recordings of over 5.5 h
      w *= 2;
    }
    return w;
  }

  private static List<Recording> recordings(Path dir, MotionModel paperModel, PhasedProgress progress) {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
    } catch (java.io.IOException e) {
      throw new io.ganglion.drivers.GanglionException("cannot list " + dir + ": " + e.getMessage(), e);
    }
    List<Recording> list = new ArrayList<>();
    MotionModel model = io.ganglion.sim.motion.MotionModels.defaultModel();
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      progress.update("recordings", i, files.size());
      EventReaderConfig cfg = EventReaderConfig.defaults();
      io.ganglion.drivers.events.EventReaderStats stats = io.ganglion.drivers.events.EventFiles.scan(f, cfg);
      long windowUs = windowUsFor(stats.durationUs());
      RecordingDetection.Result r = RecordingDetection.run(f, cfg, model, windowUs, null);
      RecordingDetection.Result paper = RecordingDetection.run(f, cfg, paperModel, windowUs, null);
      List<FrameShiftReference.Estimate> ref = FrameShiftReference.run(f, cfg, r.size(), r.firstTUs(), windowUs);
      list.add(new Recording(f, windowUs, r, paper, ref));
    }
    progress.update("recordings", files.size(), files.size());
    return list;
  }
}
