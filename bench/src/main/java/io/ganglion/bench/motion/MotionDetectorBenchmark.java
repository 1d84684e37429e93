package io.ganglion.bench.motion;

import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionDetectorConfig;
import io.ganglion.controllers.motion.MotionInputs;
import io.ganglion.controllers.motion.MotionKernel;
import io.ganglion.controllers.motion.MotionOutputs;
import io.ganglion.controllers.motion.MotionPruning;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionMovie;
import io.ganglion.sim.dvs.MotionMovieConfig;
import io.ganglion.sim.motion.MotionModel;
import io.ganglion.sim.motion.MotionModelFile;
import io.ganglion.sim.motion.MotionModels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second of the fixed-point motion detector on one core, with the paper task's model
 * (12 directions x 3 speeds = 36 classes; 8 delays x 2 ms, 5 x 5 px kernels centred on each event,
 * 16 px output cells; pruned to 20%: a copy of `motion results`' 20% row kept in this module's
 * resources as {@value #PAPER_MODEL}, so the workload does not change when the built-in model
 * does) on a 640 x 480 sensor, against a plain pass over the same events as the baseline, in the
 * same run.
 *
 * <p>Stream: the first 2^20 events of a simulated 640 x 480 movie (1/f noise moving at 0.40 px/ms,
 * default sensor: about 7 M events per second of sensor time, so ~150 ms). One invocation resets
 * the detector and runs the whole stream through {@code step} in chunks of 4096 events, then
 * {@code flush}: the score is events/s, readouts and spikes included.
 *
 * <p>Kernels ({@code kernel}): {@code dense} = every weight non-zero (random, seeded), walked by
 * the dense storage; {@code paper20} = the paper model as trained (20% of the weights);
 * {@code 5%}, {@code 1%} = that model pruned further by magnitude; {@code builtin} = the built-in
 * model of {@code motion detect} (12 x 5 classes, 16 delays x 5 ms, 20% of the weights). Command and results:
 * docs/benchmarks.md, "Motion detector".
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MotionDetectorBenchmark {

  /** The benchmark's model: the 12 x 3 model pruned to 20% (motion-results.md, pruning row 20%). */
  static final String PAPER_MODEL = "/io/ganglion/bench/motion/paper-motion-model.json";

  static final int EVENTS = 1 << 20;
  static final int CHUNK = 4096;
  static final int WIDTH = 640;
  static final int HEIGHT = 480;

  /** The benchmark stream, cut into chunks of 4096 events. */
  @State(Scope.Benchmark)
  public static class Stream {
    MotionInputs[] chunks;

    @Setup(Level.Trial)
    public void setUp() {
      EventBuffer stream = stream();
      chunks = new MotionInputs[EVENTS / CHUNK];
      for (int c = 0; c < chunks.length; c++) {
        MotionInputs in = new MotionInputs(CHUNK);
        System.arraycopy(stream.x, c * CHUNK, in.x, 0, CHUNK);
        System.arraycopy(stream.y, c * CHUNK, in.y, 0, CHUNK);
        System.arraycopy(stream.tUs, c * CHUNK, in.tUs, 0, CHUNK);
        System.arraycopy(stream.polarity, c * CHUNK, in.polarity, 0, CHUNK);
        in.count = CHUNK;
        chunks[c] = in;
      }
    }
  }

  /** A detector with one of the kernels. */
  @State(Scope.Thread)
  public static class Detector {
    @Param({"dense", "paper20", "5%", "1%", "builtin"})
    public String kernel;

    MotionDetector detector;
    MotionOutputs out;

    @Setup(Level.Trial)
    public void setUp() {
      MotionKernel k = kernel(kernel);
      MotionDetectorConfig config = MotionDetectorConfig.of(WIDTH, HEIGHT)
          .withSpikeMargin(("builtin".equals(kernel) ? MotionModels.defaultModel() : paperModel()).spikeMargin())
          .withSpikeCapacity(1 << 16)
          .withStorage("dense".equals(kernel) ? MotionDetectorConfig.Storage.DENSE : MotionDetectorConfig.Storage.SPARSE);
      detector = new MotionDetector(k, config);
      out = detector.newOutputs();
    }
  }

  /** The first 2^20 events of the simulated 640 x 480 movie. */
  static EventBuffer stream() {
    MotionClasses classes = MotionClasses.paper();
    MotionMovieConfig config = MotionMovieConfig.of(WIDTH, HEIGHT, 200_000, classes);
    EventBuffer all = MotionMovie.generate(config, classes.classIndex(1, 1), 5).allEvents();
    if (all.count() < EVENTS) {
      throw new IllegalStateException("the benchmark movie has only " + all.count() + " events");
    }
    EventBuffer first = new EventBuffer(EVENTS);
    first.append(all, 0, EVENTS);
    return first;
  }

  private static MotionModel paperModel;

  /** The paper model from this module's resources (read once). */
  static synchronized MotionModel paperModel() {
    if (paperModel == null) {
      paperModel = readPaperModel();
    }
    return paperModel;
  }

  private static MotionModel readPaperModel() {
    try (java.io.InputStream in = MotionDetectorBenchmark.class.getResourceAsStream(PAPER_MODEL)) {
      if (in == null) {
        throw new IllegalStateException("the benchmark model " + PAPER_MODEL + " is missing from the build");
      }
      return MotionModelFile.read(in, "benchmark model " + PAPER_MODEL);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read the benchmark model: " + e.getMessage(), e);
    }
  }

  static MotionKernel kernel(String name) {
    MotionModel paper = paperModel();
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
        throw new IllegalArgumentException("unknown kernel " + name);
    }
  }

  /** The detector over the whole stream (reset, steps, flush); returns the spike count. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long detector(Stream s, Detector d) {
    d.detector.reset();
    long spikes = 0;
    for (MotionInputs in : s.chunks) {
      d.detector.step(in, d.out);
      spikes += d.out.spikeCount;
    }
    d.detector.flush(d.out);
    return spikes + d.out.spikeCount + d.out.eventsProcessed;
  }

  /** Baseline: a plain pass over the same chunks, reading every field of every event. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long baselinePass(Stream s) {
    long sum = 0;
    for (MotionInputs in : s.chunks) {
      for (int i = 0; i < in.count; i++) {
        sum += in.x[i] * 31L + in.y[i] + in.tUs[i] + in.polarity[i];
      }
    }
    return sum;
  }
}
