package io.ganglion.bench.events;

import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.EventSpeedFiles;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second of each streaming reader on a generated temp file of {@link #EVENTS} events
 * ({@link EventSpeedFiles}, as {@code ganglion bench motion} reads; one invocation = open and read
 * the whole file through a 4096-event buffer; ops = events), and a baseline in the same run:
 * reading the same file's bytes through the same 64 KiB buffer without decoding (the I/O floor). With {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes
 * per event (the per-file open costs a few hundred bytes, i.e. ~0 B/event).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(EventReaderBenchmark.EVENTS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventReaderBenchmark {

  /** Events per generated file. */
  public static final int EVENTS = 2_000_000;

  @Param({"evt2", "aedat2", "txt", "nmnist"})
  public String format;

  private Path file;
  private EventReaderConfig config;
  private final EventBuffer buffer = new EventBuffer(4096);
  private final byte[] raw = new byte[EventReaderConfig.DEFAULT_READ_BUFFER_BYTES];

  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    EventFormat f = EventFormat.parse(format);
    file = Files.createTempFile("ganglion-bench-events-", "." + format);
    EventSpeedFiles.write(file, f, EVENTS);
    config = EventReaderConfig.defaults().withFormat(f);
  }

  @TearDown(Level.Trial)
  public void deleteFile() throws IOException {
    Files.deleteIfExists(file);
  }

  /** Opens the file and decodes every event. */
  @Benchmark
  public long readAllEvents() {
    long sum = 0;
    try (EventReader reader = EventFiles.open(file, config)) {
      int n;
      while ((n = reader.read(buffer)) > 0) {
        sum += n + buffer.x[n - 1];
      }
    }
    return sum;
  }

  /** Baseline: the same file's bytes through a same-size buffer, not decoded. */
  @Benchmark
  public long baselineReadBytes() throws IOException {
    long sum = 0;
    try (InputStream in = new FileInputStream(file.toFile())) {
      int n;
      while ((n = in.read(raw)) > 0) {
        sum += n + raw[n - 1];
      }
    }
    return sum;
  }
}
