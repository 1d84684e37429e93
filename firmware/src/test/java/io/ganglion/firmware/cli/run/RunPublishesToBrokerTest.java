package io.ganglion.firmware.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.testing.TestBroker;
import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.monitor.MonitorSnapshot;
import io.ganglion.telemetry.mqtt.MqttSettings;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code run --broker URL}: a virtual-time mock run (over in a fraction of a second) publishes every
 * frame it offered and reports the publisher's counters; a broker that does not answer fails the run.
 */
class RunPublishesToBrokerTest {

  @Test
  void aVirtualTimeRunPublishesEverySampleAndReportsTheCounters() throws Exception {
    try (TestBroker broker = TestBroker.start();
         Monitor m = Monitor.start(MqttSettings.of(broker.url(), "watch-run"), "diffdrive1")) {
      assertTrue(m.awaitSubscribed(10, TimeUnit.SECONDS));
      CliRun r = CliRun.of("run", "--config", "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", "2",
          "--broker", broker.url(), "--json");
      assertEquals(0, r.code, r.err);
      JsonNode t = new ObjectMapper().readTree(r.out).get("telemetry");
      long offered = t.get("samples_offered").asLong();
      assertTrue(offered > 100, "the loop offered its frames: " + t);
      assertEquals(offered, t.get("samples_sent").asLong(), "every offered sample was sent before exit: " + t);
      assertEquals(0, t.get("not_connected").asLong(), t.toString());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      MonitorSnapshot s = m.snapshot();
      while (received(s) < offered && System.nanoTime() < deadline) {
        Thread.sleep(20);
        s = m.snapshot();
      }
      assertEquals(offered, received(s), "the monitor received every sample: " + s.board("diffdrive1"));
      CliRun text = CliRun.of("run", "--config", "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", "1",
          "--broker", broker.url());
      assertEquals(0, text.code, text.err);
      assertTrue(text.out.contains("telemetry: published as robots/diffdrive1/ on " + broker.url()), text.out);
    }
  }

  private static long received(MonitorSnapshot s) {
    MonitorSnapshot.BoardSnapshot b = s.board("diffdrive1");
    return b == null ? 0 : b.streams().stream().mapToLong(MonitorSnapshot.StreamSnapshot::samples).sum();
  }

  @Test
  void aBrokerThatDoesNotAnswerFailsTheRunWithOneLine() {
    long t0 = System.nanoTime();
    CliRun r = CliRun.of("run", "--config", "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", "1",
        "--broker", "tcp://127.0.0.1:1");
    assertEquals(1, r.code, r.err);
    assertTrue(r.err.contains("ganglion: failed: cannot connect to the MQTT broker tcp://127.0.0.1:1 within 5.0 s"), r.err);
    assertTrue(r.out.isEmpty(), "no report of a run that did not start: " + r.out);
    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(20));
  }
}
