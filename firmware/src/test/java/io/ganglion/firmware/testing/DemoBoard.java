package io.ganglion.firmware.testing;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** A publisher thread standing in for a board in CLI tests: a 1 kHz sine on stream "joints", an event every 500 samples. */
public final class DemoBoard implements AutoCloseable {

  public static final StreamSchema JOINTS = StreamSchema.builder(1, "joints").f64("angle_rad").f64("torque_nm").build();

  private final TelemetryPublisher publisher;
  private final Thread loop;
  private final AtomicLong offered = new AtomicLong();
  private volatile boolean run = true;

  public DemoBoard(String url, String board) throws InterruptedException {
    publisher = new TelemetryPublisher(MqttSettings.of(url, "ganglion-" + board), new BoardIdentity(board, "0.1.0-test",
        "c0ffee", "demo"), List.of(JOINTS), PublisherConfig.defaults());
    publisher.start();
    if (!publisher.awaitConnected(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("demo board cannot connect: " + publisher.lastConnectionError());
    }
    loop = new Thread(() -> {
      long i = 0;
      while (run) {
        publisher.offer(0, i * 1_000L, Math.sin(i * 0.01), 0.5);
        if (i % 500 == 0) {
          publisher.offerEvent(i * 1_000L, "fault", "demo", i);
        }
        offered.incrementAndGet();
        i++;
        LockSupport.parkNanos(1_000_000);
      }
    }, "demo-board-" + board);
    loop.start();
  }

  public TelemetryPublisher publisher() {
    return publisher;
  }

  @Override
  public void close() throws InterruptedException {
    run = false;
    loop.join();
    publisher.close();
  }
}
