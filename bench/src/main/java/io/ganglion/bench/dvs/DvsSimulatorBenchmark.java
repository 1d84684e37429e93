package io.ganglion.bench.dvs;

import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.EventWriter;
import io.ganglion.sim.dvs.DvsSimulator;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionDataset;
import io.ganglion.sim.dvs.MotionMovieConfig;
import io.ganglion.sim.dvs.TextureSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Training-movie generation speed: one operation = one whole 200 ms movie of the paper's 36
 * classes (12 directions x 0.25/0.40/0.63 px/ms), side x side pixels, default sensor, generated
 * from scratch like a training loop does ({@code dataset.movie(i).newSimulator()}: texture
 * synthesis included) and drained through a 4096-event buffer; the 8 movies of a seeded dataset
 * in turn. Score = movies/s; the {@code events} counter = simulated events/s. Baseline in the same
 * run: {@code baselineReadEvt2} decodes the same 8 movies from in-memory EVT 2.0 bytes (what
 * replaying pre-generated files would cost, I/O aside).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DvsSimulatorBenchmark {

  private static final int MOVIES = 8;

  @Param({"32", "128"})
  public int side;

  @Param({"noise", "grating"})
  public String texture;

  private MotionDataset dataset;
  private byte[][] evt2;
  private final EventBuffer buffer = new EventBuffer(4096);
  private int next;

  /** Events per second (JMH divides the count by the measured time). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long events;
  }

  @Setup(Level.Trial)
  public void setUp() {
    MotionMovieConfig config = MotionMovieConfig.of(side, side, 200_000, MotionClasses.paper())
        .withTexture(texture.equals("noise") ? TextureSpec.noise() : TextureSpec.grating(16));
    dataset = new MotionDataset(config, MOVIES, 2024);
    evt2 = new byte[MOVIES][];
    for (int i = 0; i < MOVIES; i++) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (EventWriter w = EventFiles.newWriter(bytes, "movie" + i, EventFormat.EVT2, config.size())) {
        dataset.movie(i).newSimulator().drainTo(w, buffer);
      }
      evt2[i] = bytes.toByteArray();
    }
  }

  /** Generates the next movie from its seed and simulates all of its events. */
  @Benchmark
  public long simulateMovie(Counters counters) {
    DvsSimulator sim = dataset.movie(next).newSimulator();
    next = (next + 1) % MOVIES;
    long sum = 0;
    int n;
    while ((n = sim.next(buffer)) > 0) {
      sum += n + buffer.x[n - 1];
      counters.events += n;
    }
    return sum;
  }

  /** Baseline: decodes the same movie from EVT 2.0 bytes in memory. */
  @Benchmark
  public long baselineReadEvt2(Counters counters) {
    byte[] bytes = evt2[next];
    next = (next + 1) % MOVIES;
    long sum = 0;
    try (EventReader reader = EventFiles.open(new ByteArrayInputStream(bytes), "movie", EventReaderConfig.defaults())) {
      int n;
      while ((n = reader.read(buffer)) > 0) {
        sum += n + buffer.x[n - 1];
        counters.events += n;
      }
    }
    return sum;
  }
}
