package io.ganglion.telemetry.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import io.ganglion.telemetry.testing.TestBroker;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MonitorOverBrokerTest {

  static final StreamSchema WAVE = StreamSchema.builder(3, "wave").f64("angle_rad").f64("speed_m_s").build();
  static TestBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  static MonitorSnapshot await(Monitor m, Predicate<MonitorSnapshot> p, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    MonitorSnapshot s = m.snapshot();
    while (!p.test(s) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      s = m.snapshot();
    }
    return s;
  }

  @Test
  void theMonitorSeesABoardComeOnlinePublishAndGoOffline() throws Exception {
    try (Monitor m = Monitor.start(MqttSettings.of(broker.url(), "monitor-test"), null)) {
      assertTrue(m.awaitSubscribed(10, TimeUnit.SECONDS), m.lastConnectionError());
      TelemetryPublisher p = new TelemetryPublisher(MqttSettings.of(broker.url(), "ganglion-mon1"),
          new BoardIdentity("mon1", "0.1.0", "abc", "wave"), List.of(WAVE), PublisherConfig.defaults());
      p.start();
      assertTrue(p.awaitConnected(10, TimeUnit.SECONDS));
      long t0 = System.nanoTime();
      int i = 0;
      // 1 kHz for 1.2 s
      while (System.nanoTime() - t0 < 1_200_000_000L) {
        p.offer(0, i * 1_000L, Math.sin(i * 0.01), 0.25);
        i++;
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
      p.offerEvent(i * 1_000L, "failsafe", "link_lost", 0.5);
      MonitorSnapshot s = await(m, x -> x.board("mon1") != null && x.board("mon1").stream("wave") != null
          && x.events().stream().anyMatch(e -> e.kind().equals("failsafe")), 5_000);
      MonitorSnapshot.BoardSnapshot b = s.board("mon1");
      assertNotNull(b, "board seen: " + s.boards());
      assertTrue(b.online());
      assertEquals("wave", b.law());
      MonitorSnapshot.StreamSnapshot w = b.stream("wave");
      assertNotNull(w);
      assertTrue(w.samplesPerS() > 300 && w.samplesPerS() < 1_500, "about 1000 samples/s, got " + w.samplesPerS());
      assertEquals(0.25, w.latest().get("speed_m_s"));
      assertTrue(s.events().stream().anyMatch(e -> e.kind().equals("failsafe") && "link_lost".equals(e.detail())));
      p.close();
      s = await(m, x -> "offline".equals(x.board("mon1").state()), 5_000);
      assertEquals("offline", s.board("mon1").state());
      assertEquals("shutdown", s.board("mon1").reason());
      assertEquals(0, s.rejectedTotal());
    }
  }
}
