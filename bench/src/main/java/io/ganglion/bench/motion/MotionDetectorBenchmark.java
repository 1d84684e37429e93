package io.ganglion.bench.motion;

import io.ganglion.controllers.motion.MotionClass;
import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionDetectorConfig;
import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.controllers.motion.MotionInputs;
import io.ganglion.controllers.motion.MotionKernel;
import io.ganglion.controllers.motion.MotionOutputs;
import java.util.ArrayList;
import java.util.List;
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

/** Scratch benchmark (to be replaced). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MotionDetectorBenchmark {

  static final int EVENTS = 1 << 18;
  static final int CHUNK = 4096;

  @Param({"1.0", "0.05", "0.01"})
  public double keep;

  @Param({"sparse", "dense"})
  public String storage;

  @Param({"640"})
  public int width;

  private MotionDetector det;
  private MotionOutputs out;
  private MotionInputs in;
  private int[] xs, ys; private long[] ts; private byte[] ps;
  private long shift;

  @Setup(Level.Trial)
  public void setUp() {
    MotionGeometry g = new MotionGeometry(10, 2_000, 16, 16);
    List<MotionClass> classes = new ArrayList<>();
    for (int s = 0; s < 3; s++) for (int d = 0; d < 12; d++) classes.add(new MotionClass(30.0 * d, 0.25 + 0.2 * s));
    SplittableRandom rnd = new SplittableRandom(1);
    double[] w = new double[g.featureCount() * classes.size()];
    for (int i = 0; i < w.length; i++) w[i] = rnd.nextGaussian() * 0.1;
    double[] b = new double[classes.size()];
    MotionKernel k = MotionKernel.quantize(g, classes, w, b);
    if (keep < 1.0) k = k.pruned((int) Math.round(keep * k.weightCount()));
    det = new MotionDetector(k, MotionDetectorConfig.of(width, width * 3 / 4).withSpikeMargin(0.5).withSpikeCapacity(1 << 16)
        .withStorage("dense".equals(storage) ? MotionDetectorConfig.Storage.DENSE : MotionDetectorConfig.Storage.SPARSE));
    out = det.newOutputs();
    xs = new int[EVENTS]; ys = new int[EVENTS]; ts = new long[EVENTS]; ps = new byte[EVENTS];
    // 2000 dots moving right at 0.4 px/ms, each firing every ~200 us: ~10 Mev/s of sensor time.
    int dots = 2000;
    double[] dx = new double[dots], dy = new double[dots];
    for (int i = 0; i < dots; i++) { dx[i] = rnd.nextDouble() * width; dy[i] = rnd.nextDouble() * width * 3 / 4; }
    for (int i = 0; i < EVENTS; i++) {
      long t = i / 10; // 10 events per us
      int d = rnd.nextInt(dots);
      xs[i] = (int) ((dx[d] + 0.4 * t / 1000.0) % width);
      ys[i] = (int) dy[d];
      ts[i] = t;
      ps[i] = (byte) rnd.nextInt(2);
    }
    in = new MotionInputs(0);
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public int detector() {
    shift += 100_000_000L;
    int spikes = 0;
    for (int i = 0; i < EVENTS; i += CHUNK) {
      for (int j = 0; j < CHUNK; j++) ts[i + j] += 100_000_000L;
      in.wrap(xs, ys, ts, ps, CHUNK);
      // shift window: use copy-free offset by wrapping sub-arrays is not possible; process in place
      step(i);
      spikes += out.spikeCount;
    }
    return spikes;
  }

  private void step(int from) {
    for (int j = from; j < from + CHUNK; j++) {
      det.event(xs[j], ys[j], ts[j], ps[j], out);
    }
    out.spikeCount = 0;
  }
}
