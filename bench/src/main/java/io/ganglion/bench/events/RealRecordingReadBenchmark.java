package io.ganglion.bench.events;

import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Reads the real recordings of {@code ../shared/data/events} (directory from the system property
 * {@code ganglion.events.dir}) with format auto-detection; the {@code events} counter gives
 * events/s. They are not part of the project (licences), so run it through {@link #main}, which
 * benchmarks only the files present and skips (exit 0) when there are none:
 * <pre>
 *   java -cp bench/target/benchmarks.jar io.ganglion.bench.events.RealRecordingReadBenchmark \
 *       ../shared/data/events -f 1 -wi 3 -i 5 -w 1 -r 1
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RealRecordingReadBenchmark {

  /** The recordings listed in ../shared/data/events/README.md. */
  static final String[] FILES = {"davis240_translboxes.aedat", "gen3_spinner_evt2.raw", "davis240_slider_depth.txt",
      "davis240_pantilt_seq1.txt", "davis240_pantilt_seq2.txt", "davis240_pantilt_seq3.txt",
      "atis_nmnist_saccades.bin"};

  static final String DIR_PROPERTY = "ganglion.events.dir";

  @Param({"davis240_translboxes.aedat", "gen3_spinner_evt2.raw", "davis240_slider_depth.txt",
      "davis240_pantilt_seq1.txt", "davis240_pantilt_seq2.txt", "davis240_pantilt_seq3.txt",
      "atis_nmnist_saccades.bin"})
  public String file;

  private Path path;
  private final EventBuffer buffer = new EventBuffer(4096);

  /** Events decoded, reported by JMH as a rate (events/s). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    public long events;
  }

  @Setup(Level.Trial)
  public void locate() {
    path = Path.of(System.getProperty(DIR_PROPERTY, "../shared/data/events"), file);
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(path + " is absent; run RealRecordingReadBenchmark.main, which skips absent files");
    }
  }

  @Benchmark
  public long readRecording(Counters counters) {
    long sum = 0;
    try (EventReader reader = EventFiles.open(path, EventReaderConfig.defaults())) {
      int n;
      while ((n = reader.read(buffer)) > 0) {
        sum += n + buffer.x[n - 1];
        counters.events += n;
      }
    }
    return sum;
  }

  /**
   * Runs the benchmark on the recordings present in {@code args[0]} (default ../shared/data/events);
   * further arguments are JMH options.
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/events").toAbsolutePath().normalize();
    List<String> present = new ArrayList<>();
    for (String f : FILES) {
      if (Files.isRegularFile(dir.resolve(f))) {
        present.add(f);
      }
    }
    if (present.isEmpty()) {
      System.out.println("no recordings in " + dir + ": real-recording benchmark skipped");
      return;
    }
    String[] jmhArgs = args.length > 1 ? java.util.Arrays.copyOfRange(args, 1, args.length) : new String[0];
    new Runner(new OptionsBuilder().parent(new CommandLineOptions(jmhArgs))
        .include(RealRecordingReadBenchmark.class.getSimpleName() + ".readRecording")
        .param("file", present.toArray(new String[0]))
        .jvmArgsAppend("-D" + DIR_PROPERTY + "=" + dir)
        .build()).run();
  }
}
