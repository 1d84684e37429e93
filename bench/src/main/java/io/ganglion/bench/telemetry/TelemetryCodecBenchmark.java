package io.ganglion.bench.telemetry;

import io.ganglion.telemetry.protocol.BinaryTelemetryCodec;
import io.ganglion.telemetry.protocol.JsonTelemetryCodec;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.TelemetryBatch;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Encode and decode cost of one telemetry batch (100 samples of a 6-field stream: 2 f64, 2 f32,
 * 1 q16, 1 u8), binary and JSON, against a baseline that only copies the same raw values into a
 * little-endian buffer (the least any binary encoder must do). Samples/s = 100 x ops/s.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar TelemetryCodecBenchmark -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TelemetryCodecBenchmark {

  static final int SAMPLES = 100;
  static final StreamSchema SCHEMA = StreamSchema.builder(1, "joints")
      .f64("angle_rad").f64("rate_rad_s").f32("torque_nm").f32("current_a").q16("drive_q16").u8("mode").build();

  private TelemetryBatch batch;
  private byte[] binary;
  private byte[] json;
  private ByteBuffer scratch;
  private long[] raw;

  @Setup
  public void setUp() {
    SplittableRandom rnd = new SplittableRandom(7);
    batch = new TelemetryBatch("b1", SCHEMA, SAMPLES);
    batch.reset(1);
    raw = new long[SAMPLES * SCHEMA.fieldCount()];
    for (int i = 0; i < SAMPLES; i++) {
      batch.addDoubles(1_000L * i, rnd.nextDouble(-3, 3), rnd.nextDouble(-10, 10), rnd.nextDouble(-1, 1),
          rnd.nextDouble(0, 2), rnd.nextDouble(-1, 1), rnd.nextInt(4));
      for (int f = 0; f < SCHEMA.fieldCount(); f++) {
        raw[i * SCHEMA.fieldCount() + f] = batch.raw(i, f);
      }
    }
    binary = BinaryTelemetryCodec.INSTANCE.encode(batch);
    json = JsonTelemetryCodec.INSTANCE.encode(batch);
    scratch = ByteBuffer.allocate(binary.length * 2).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Baseline: copy t_us and the raw values into a buffer (no header, no names). */
  @Benchmark
  public int baselineRawCopy() {
    scratch.clear();
    for (int i = 0; i < SAMPLES; i++) {
      scratch.putLong(batch.tUs(i));
      for (int f = 0; f < SCHEMA.fieldCount(); f++) {
        scratch.putLong(raw[i * SCHEMA.fieldCount() + f]);
      }
    }
    return scratch.position();
  }

  /** Binary encode into a reused buffer (allocation-free). */
  @Benchmark
  public int binaryEncodeIntoBuffer() {
    scratch.clear();
    return BinaryTelemetryCodec.INSTANCE.encode(batch, scratch);
  }

  /** Binary encode to a new byte[] (what the publisher hands to Paho). */
  @Benchmark
  public byte[] binaryEncode() {
    return BinaryTelemetryCodec.INSTANCE.encode(batch);
  }

  @Benchmark
  public TelemetryBatch binaryDecode() {
    return BinaryTelemetryCodec.INSTANCE.decode(binary);
  }

  @Benchmark
  public byte[] jsonEncode() {
    return JsonTelemetryCodec.INSTANCE.encode(batch);
  }

  @Benchmark
  public TelemetryBatch jsonDecode() {
    return JsonTelemetryCodec.INSTANCE.decode(json);
  }
}
