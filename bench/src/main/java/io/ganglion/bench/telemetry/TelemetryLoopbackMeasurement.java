package io.ganglion.bench.telemetry;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.DecodeResult;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.TelemetryBatch;
import io.ganglion.telemetry.protocol.TelemetryFormat;
import io.ganglion.telemetry.protocol.TelemetryReceiver;
import io.ganglion.telemetry.protocol.Topics;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.SampleWriter;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * End-to-end telemetry through a real broker on loopback: a {@link TelemetryPublisher} fed by a
 * paced producer (1 ms ticks) and a separate Paho subscriber that decodes every batch. Each sample
 * carries its offer time ({@code System.nanoTime()}, same process), so the subscriber measures
 * offer-to-decode latency per sample. Prints delivered samples/s, losses and latency percentiles.
 *
 * <pre>
 * mosquitto -p 18830 &amp;
 * java -cp bench/target/benchmarks.jar io.ganglion.bench.telemetry.TelemetryLoopbackMeasurement \
 *     tcp://127.0.0.1:18830 50000 5 binary      # URL, samples/s (>= 1000), seconds, format
 * </pre>
 */
public final class TelemetryLoopbackMeasurement {

  static final StreamSchema SCHEMA = StreamSchema.builder(9, "loopback")
      .i64("t_offer_ns").f64("angle_rad").f64("rate_rad_s").f32("torque_nm").q16("drive_q16").u8("mode").build();

  private TelemetryLoopbackMeasurement() {}

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "tcp://127.0.0.1:1883";
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    if (rate < 1_000) {
      throw new IllegalArgumentException("rate must be >= 1000 samples/s (1 ms ticks)");
    }
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    TelemetryFormat format = args.length > 3 ? TelemetryFormat.parse(args[3]) : TelemetryFormat.BINARY;
    String board = "loopback";

    int capacity = rate * (seconds + 2);
    long[] warmupEndNanos = {Long.MAX_VALUE};
    AtomicInteger measured = new AtomicInteger();
    long[] latencies = new long[capacity];
    AtomicInteger received = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    TelemetryReceiver receiver = new TelemetryReceiver(16 << 20).expect(SCHEMA);

    MqttClient sub = new MqttClient(url, "loopback-sub", new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    sub.connect(o);
    sub.subscribe(Topics.telemetry(board, SCHEMA.name()), 0, (topic, m) -> {
      long now = System.nanoTime();
      DecodeResult<TelemetryBatch> d = receiver.decode(topic, m.getPayload());
      if (!d.isOk()) {
        rejected.incrementAndGet();
        return;
      }
      TelemetryBatch b = d.value();
      for (int i = 0; i < b.size(); i++) {
        received.incrementAndGet();
        long offeredAt = b.raw(i, 0);
        if (offeredAt >= warmupEndNanos[0]) {
          int k = measured.getAndIncrement();
          if (k < latencies.length) {
            latencies[k] = now - offeredAt;
          }
        }
      }
    });

    PublisherConfig config = PublisherConfig.defaults().withFormat(format).withRingCapacity(1 << 16);
    try (TelemetryPublisher p = new TelemetryPublisher(MqttSettings.of(url, "loopback-pub"),
        new BoardIdentity(board, "bench", "0", "none"), List.of(SCHEMA), config)) {
      p.start();
      if (!p.awaitConnected(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("cannot connect to " + url + ": " + p.lastConnectionError());
      }
      double[] v = {0, 0.5, -1.5, 0.25, 0.125, 2};  // ring overflow (if any) is counted in the publisher counters
      long offered = 0;
      long start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(seconds);
      warmupEndNanos[0] = start + TimeUnit.SECONDS.toNanos(1); // latency of the first second (JIT warm-up) is not counted
      int perTick = Math.max(1, rate / 1_000);
      long tick = start;
      while (tick < end) {
        for (int i = 0; i < perTick; i++) {
          long now = System.nanoTime();
          SampleWriter w = p.claim(0, now / 1_000);
          if (w != null) {
            w.putLong(0, now).putDouble(1, v[1]).putDouble(2, v[2]).putDouble(3, v[3]).putDouble(4, v[4]).putLong(5, 2).commit();
          }
          offered++;
        }
        tick += 1_000_000;
        long wait = tick - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      double elapsedS = (System.nanoTime() - start) / 1e9;
      Thread.sleep(1_000); // stragglers
      int n = received.get();
      int m = Math.min(measured.get(), latencies.length);
      long[] sorted = Arrays.copyOf(latencies, m);
      Arrays.sort(sorted);
      var c = p.counters();
      System.out.printf(Locale.ROOT, "format %s, target %d samples/s, %d s%n", format.key(), rate, seconds);
      System.out.printf(Locale.ROOT, "offered %d, delivered %d (%.0f samples/s), lost %d, rejected batches %d%n", offered, n,
          n / elapsedS, offered - n, rejected.get());
      System.out.printf(Locale.ROOT, "latency offer->decoded after 1 s warm-up (%d samples): p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, max %.3f ms%n",
          m, pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999), m == 0 ? 0 : sorted[m - 1] / 1e6);
      System.out.println("publisher counters " + c);
    } finally {
      sub.disconnect();
      sub.close();
    }
  }

  private static double pct(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))] / 1e6;
  }
}
