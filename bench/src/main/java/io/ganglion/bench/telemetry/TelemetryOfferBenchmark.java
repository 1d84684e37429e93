package io.ganglion.bench.telemetry;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the control loop pays per telemetry sample: {@code TelemetryPublisher.offer} of a 6-field
 * sample into the ring while the publisher thread drains it (started, with no broker reachable, so
 * it drops without encoding: the producer side is what is measured), against a baseline that
 * stores the same six converted values into a plain array. Run with {@code -prof gc}: offer must
 * show 0 B/op.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar TelemetryOfferBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TelemetryOfferBenchmark {

  private TelemetryPublisher publisher;
  private final double[] values = {0.5, -1.25, 0.125, 2.0, 0.75, 3};
  private final long[] plain = new long[6];
  private long t;

  @Setup(Level.Trial)
  public void setUp() {
    StreamSchema schema = TelemetryCodecBenchmark.SCHEMA;
    publisher = new TelemetryPublisher(MqttSettings.of("tcp://127.0.0.1:9", "bench-offer"),
        new BoardIdentity("bench", "0", "0", "none"), List.of(schema), PublisherConfig.defaults().withReconnect(10_000, 10_000));
    publisher.start();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    publisher.close();
  }

  /** Baseline: convert and store six values into a plain array. */
  @Benchmark
  public long baselineStore() {
    t += 1000;
    for (int f = 0; f < values.length; f++) {
      plain[f] = Double.doubleToRawLongBits(values[f]) ^ t;
    }
    return plain[5];
  }

  /** One sample into the ring (accepted or, when the ring is full, dropped and counted). */
  @Benchmark
  public boolean offer() {
    t += 1000;
    return publisher.offer(0, t, values);
  }
}
