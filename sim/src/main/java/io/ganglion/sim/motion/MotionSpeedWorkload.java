package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionDetectorConfig;
import io.ganglion.controllers.motion.MotionInputs;
import io.ganglion.controllers.motion.MotionKernel;
import io.ganglion.controllers.motion.MotionOutputs;
import io.ganglion.controllers.motion.MotionPruning;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionMovie;
import io.ganglion.sim.dvs.MotionMovieConfig;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The fixed workload of the motion detector's speed measurements (JMH {@code
 * MotionDetectorBenchmark} and {@code ganglion bench motion}), so that both time the same thing.
 *
 * <p>Stream: the first events of a simulated 640 x 480 movie (1/f noise moving at 0.40 px/ms,
 * default sensor: about 7 M events per second of sensor time), cut into chunks of
 * {@value #CHUNK} events. Kernels ({@link #KERNELS}): {@code dense} = the paper-task model's
 * geometry with every weight non-zero (seeded random), dense storage; {@code paper20} = the
 * paper-task model as trained (20% of the weights, {@link MotionModels#paperModel()});
 * {@code 5%}, {@code 1%} = that model pruned further by magnitude; {@code builtin} = the
 * built-in model of {@code motion detect}. The sparse storage for all but {@code dense}.
 */
public final class MotionSpeedWorkload {

  public static final int WIDTH = 640;
  public static final int HEIGHT = 480;
  /** Events per {@code step}. */
  public static final int CHUNK = 4096;
  /** The kernels, in the order of the tables in docs/benchmarks.md. */
  public static final List<String> KERNELS = List.of("dense", "paper20", "5%", "1%", "builtin");

  /** Sensor time simulated per 2^20 events wanted (the movie runs at about 7 M events/s). */
  private static final long MOVIE_US_PER_MEBI_EVENTS = 200_000;

  private MotionSpeedWorkload() {}

  /** The first {@code events} events of the benchmark movie (at least 4096). */
  public static EventBuffer stream(int events) {
    if (events < CHUNK) {
      throw new IllegalArgumentException("the motion speed stream needs at least " + CHUNK + " events, got " + events);
    }
    MotionClasses classes = MotionClasses.paper();
    long durationUs = MOVIE_US_PER_MEBI_EVENTS * ((events + (1 << 20) - 1) >> 20);
    MotionMovieConfig config = MotionMovieConfig.of(WIDTH, HEIGHT, durationUs, classes);
    EventBuffer all = MotionMovie.generate(config, classes.classIndex(1, 1), 5).allEvents();
    if (all.count() < events) {
      throw new IllegalStateException("the benchmark movie has only " + all.count() + " events, " + events + " wanted");
    }
    EventBuffer first = new EventBuffer(events);
    first.append(all, 0, events);
    return first;
  }

  /** {@code stream} in detector inputs of {@value #CHUNK} events (the last one may be shorter). */
  public static MotionInputs[] chunks(EventBuffer stream) {
    int n = stream.count();
    MotionInputs[] chunks = new MotionInputs[(n + CHUNK - 1) / CHUNK];
    for (int c = 0; c < chunks.length; c++) {
      int from = c * CHUNK;
      int count = Math.min(CHUNK, n - from);
      MotionInputs in = new MotionInputs(CHUNK);
      System.arraycopy(stream.x, from, in.x, 0, count);
      System.arraycopy(stream.y, from, in.y, 0, count);
      System.arraycopy(stream.tUs, from, in.tUs, 0, count);
      System.arraycopy(stream.polarity, from, in.polarity, 0, count);
      in.count = count;
      chunks[c] = in;
    }
    return chunks;
  }

  /** The kernel called {@code name} (one of {@link #KERNELS}). */
  public static MotionKernel kernel(String name) {
    MotionModel paper = MotionModels.paperModel();
    MotionKernel k = paper.toKernel();
    switch (name) {
      case "dense": {
        double[] w = new double[k.weightCount()];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int i = 0; i < w.length; i++) {
          w[i] = (rnd.nextDouble() - 0.5) * 0.1 + (rnd.nextBoolean() ? 0.01 : -0.01); // never 0
        }
        return MotionKernel.quantize(k.geometry(), k.classes(), w, paper.biases());
      }
      case "paper20":
        return k;
      case "builtin":
        return MotionModels.defaultModel().toKernel();
      case "5%":
        return k.pruned(MotionPruning.keepCount(0.05, k.weightCount()));
      case "1%":
        return k.pruned(MotionPruning.keepCount(0.01, k.weightCount()));
      default:
        throw new IllegalArgumentException("unknown motion kernel '" + name + "'; use one of " + KERNELS);
    }
  }

  /** A detector for the 640 x 480 stream running kernel {@code name}, with room for every spike of a chunk. */
  public static MotionDetector detector(String name) {
    return detector(name, WIDTH, HEIGHT, EventReaderConfig.DEFAULT_BACKWARDS_TOLERANCE_US);
  }

  /**
   * A detector for a {@code widthPx} x {@code heightPx} sensor running kernel {@code name}, with
   * the given backwards time tolerance (a recording's).
   */
  public static MotionDetector detector(String name, int widthPx, int heightPx, long backwardsToleranceUs) {
    MotionKernel k = kernel(name);
    MotionModel model = "builtin".equals(name) ? MotionModels.defaultModel() : MotionModels.paperModel();
    MotionDetectorConfig config = MotionDetectorConfig.of(widthPx, heightPx)
        .withBackwardsToleranceUs(backwardsToleranceUs)
        .withSpikeMargin(model.spikeMargin())
        .withSpikeCapacity(1 << 16)
        .withStorage("dense".equals(name) ? MotionDetectorConfig.Storage.DENSE : MotionDetectorConfig.Storage.SPARSE);
    return new MotionDetector(k, config);
  }

  /** One measured pass: reset, every chunk through {@code step}, flush; returns a checksum (spikes and events). */
  public static long run(MotionDetector detector, MotionInputs[] chunks, MotionOutputs out) {
    detector.reset();
    long spikes = 0;
    for (MotionInputs in : chunks) {
      detector.step(in, out);
      spikes += out.spikeCount;
    }
    detector.flush(out);
    return spikes + out.spikeCount + out.eventsProcessed;
  }

  /** The baseline pass: every field of every event of the chunks read once. */
  public static long plainPass(MotionInputs[] chunks) {
    long sum = 0;
    for (MotionInputs in : chunks) {
      for (int i = 0; i < in.count; i++) {
        sum += in.x[i] * 31L + in.y[i] + in.tUs[i] + in.polarity[i];
      }
    }
    return sum;
  }
}
