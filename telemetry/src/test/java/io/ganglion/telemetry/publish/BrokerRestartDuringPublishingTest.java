package io.ganglion.telemetry.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.monitor.MonitorSnapshot;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.testing.TestBroker;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The broker is killed (SIGKILL) and restarted while a 1 kHz loop offers samples: no offer waits
 * for the network, the publisher reconnects and telemetry resumes, and every sample the loop
 * offered is accounted for (sent, or dropped under a named counter).
 */
class BrokerRestartDuringPublishingTest {

  static final StreamSchema S = StreamSchema.builder(1, "joints").f64("angle_rad").build();

  @Test
  void publishingSurvivesABrokerKillAndRestartAndCountsWhatItDropped() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      TelemetryPublisher p = new TelemetryPublisher(MqttSettings.of(broker.url(), "ganglion-restart1"),
          new BoardIdentity("restart1", "0.1.0", "abc", "ncap"), List.of(S),
          PublisherConfig.defaults().withReconnect(50, 200));
      p.start();
      assertTrue(p.awaitConnected(10, TimeUnit.SECONDS));
      Monitor m = Monitor.start(MqttSettings.of(broker.url(), "restart-watch"), "restart1");
      assertTrue(m.awaitSubscribed(10, TimeUnit.SECONDS));
      long offered = 0;
      long worstOfferNanos = 0;
      long start = System.nanoTime();
      long killAt = start + TimeUnit.MILLISECONDS.toNanos(1_000);
      long restartAt = start + TimeUnit.MILLISECONDS.toNanos(1_800);
      long end = start + TimeUnit.MILLISECONDS.toNanos(3_500);
      boolean killed = false;
      boolean restarted = false;
      long next = start;
      while (System.nanoTime() < end) {
        long t0 = System.nanoTime();
        p.offer(0, offered * 1_000L, offered * 1e-3);
        worstOfferNanos = Math.max(worstOfferNanos, System.nanoTime() - t0);
        offered++;
        if (!killed && t0 >= killAt) {
          broker.kill(); // from the test thread: the loop itself never touches the network
          killed = true;
          next = System.nanoTime();
        }
        if (!restarted && t0 >= restartAt) {
          broker.restart();
          restarted = true;
          next = System.nanoTime();
        }
        next += 1_000_000;
        LockSupport.parkNanos(next - System.nanoTime());
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      MonitorSnapshot s = m.snapshot();
      while ((s.board("restart1") == null || s.board("restart1").stream("joints") == null
          || s.board("restart1").stream("joints").lastTUs() < (offered - 100) * 1_000L) && System.nanoTime() < deadline) {
        Thread.sleep(20);
        s = m.snapshot();
      }
      MonitorSnapshot.StreamSnapshot joints = s.board("restart1").stream("joints");
      assertTrue(joints.lastTUs() >= (offered - 100) * 1_000L, "telemetry resumed after the restart: last t_us "
          + joints.lastTUs() + " of " + offered * 1_000L);
      p.close();
      m.close();
      Map<String, Long> c = p.counters();
      System.out.printf("[restart] %s: offered %d, worst offer %.1f us, counters %s, monitor: %d samples, %d gaps%n",
          broker.name(), offered, worstOfferNanos / 1e3, c, joints.samples(), joints.gaps());
      assertTrue(c.get("connection_losses") >= 1, "the loss was seen: " + c);
      assertTrue(c.get("connects") >= 2, "reconnected: " + c);
      assertTrue(c.get("not_connected") > 0, "samples offered while disconnected are counted as dropped: " + c);
      assertEquals(offered, c.get("samples_offered"));
      assertEquals(offered, c.get("samples_sent") + c.get("ring_overflow") + c.get("not_connected") + c.get("backpressure")
          + c.get("publish_failed") + c.get("in_flight_lost"), "every offered sample is sent or dropped under a counter: " + c);
      assertTrue(joints.samples() <= c.get("samples_sent"));
      assertTrue(worstOfferNanos < TimeUnit.MILLISECONDS.toNanos(50),
          "an offer never waits for the network (connect timeouts are seconds): worst " + worstOfferNanos / 1e3 + " us");
      assertEquals(0, c.get("internal_errors"));
    }
  }
}
