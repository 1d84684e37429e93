package io.ganglion.bench.motion;

import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionInputs;
import io.ganglion.controllers.motion.MotionOutputs;
import io.ganglion.sim.motion.MotionSpeedWorkload;
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
 * Events per second of the fixed-point motion detector on one core, on the workload of
 * {@link MotionSpeedWorkload} (the same as {@code ganglion bench motion}): the paper task's model
 * (12 directions x 3 speeds = 36 classes; 8 delays x 2 ms, 5 x 5 px kernels centred on each
 * event, 16 px output cells; pruned to 20%: the 20% row of motion-results.md, kept as a resource
 * so the workload does not change when the built-in model does) on a 640 x 480 sensor, against a
 * plain pass over the same events as the baseline, in the same run.
 *
 * <p>Stream: the first 2^20 events of a simulated 640 x 480 movie (1/f noise moving at 0.40 px/ms,
 * about 7 M events per second of sensor time, so ~150 ms). One invocation resets the detector and
 * runs the whole stream through {@code step} in chunks of 4096 events, then {@code flush}: the
 * score is events/s, readouts and spikes included.
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

  static final int EVENTS = 1 << 20;

  /** The benchmark stream, cut into chunks of 4096 events. */
  @State(Scope.Benchmark)
  public static class Stream {
    MotionInputs[] chunks;

    @Setup(Level.Trial)
    public void setUp() {
      chunks = MotionSpeedWorkload.chunks(MotionSpeedWorkload.stream(EVENTS));
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
      detector = MotionSpeedWorkload.detector(kernel);
      out = detector.newOutputs();
    }
  }

  /** The detector over the whole stream (reset, steps, flush); returns a checksum. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long detector(Stream s, Detector d) {
    return MotionSpeedWorkload.run(d.detector, s.chunks, d.out);
  }

  /** Baseline: a plain pass over the same chunks, reading every field of every event. */
  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long baselinePass(Stream s) {
    return MotionSpeedWorkload.plainPass(s.chunks);
  }
}
