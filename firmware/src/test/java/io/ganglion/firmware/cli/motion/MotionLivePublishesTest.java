package io.ganglion.firmware.cli.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.testing.MonitorWait;
import io.ganglion.firmware.testing.TestBroker;
import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.monitor.MonitorSnapshot;
import io.ganglion.telemetry.mqtt.MqttSettings;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code motion live --broker}: a sample per window on robots/ID/telemetry/motion, seen by a monitor, on a real broker. */
class MotionLivePublishesTest {

  @TempDir Path dir;

  @Test
  void everyWindowIsASampleAndAMonitorSeesTheDirection() throws Exception {
    Path right = MotionDetectCommandTest.movie(dir, "right.raw", 0, EventFormat.EVT2);
    try (TestBroker broker = TestBroker.start();
        Monitor m = Monitor.start(MqttSettings.of(broker.url(), "watch-cam"), "cam")) {
      assertTrue(m.awaitSubscribed(10, TimeUnit.SECONDS));
      CliRun r = CliRun.of("motion", "live", "--replay", right.toString(), "--speed", "max", "--window-ms", "50",
          "--broker", broker.url(), "--board", "cam", "--telemetry-format", "json", "--json");
      MotionLiveCommandTest.Lines l = MotionLiveCommandTest.lines(r);
      int windows = l.windows().size();
      assertEquals(windows, l.summary().get("telemetry").get("samples_sent").asInt(), l.summary().toString());
      MonitorSnapshot s = MonitorWait.until(m, x -> x.board("cam") != null && "offline".equals(x.board("cam").state())
          && x.board("cam").stream("motion") != null && x.board("cam").stream("motion").samples() == windows);
      MonitorSnapshot.BoardSnapshot b = s.board("cam");
      assertNotNull(b, s.boards().toString());
      assertEquals("motion", b.law());
      assertEquals("shutdown", b.reason(), "a clean end publishes offline/shutdown");
      MonitorSnapshot.StreamSnapshot motion = b.stream("motion");
      assertEquals(windows, motion.samples());
      assertEquals(0, motion.gaps());
      assertEquals(0.0, motion.latest().get("direction_deg"), 1e-9, motion.latest().toString());
      assertTrue(motion.latest().get("spikes_0") > 0 && motion.latest().get("spikes_90") == 0, motion.latest().toString());
      assertTrue(s.events().stream().anyMatch(e -> "motion_stream".equals(e.kind()) && "stream 1 started".equals(e.detail())),
          s.events().toString());
      assertEquals(0, s.rejectedTotal());
    }
  }

  @Test
  void aPacedReplayKeepsUpWhateverTheBrokerWaitBeforeIt() throws Exception {
    Path right = MotionDetectCommandTest.movie(dir, "paced.raw", 0, EventFormat.EVT2);
    try (TestBroker broker = TestBroker.start()) {
      CliRun r = CliRun.of("motion", "live", "--replay", right.toString(), "--broker", broker.url(), "--board", "paced",
          "--json");
      JsonNode summary = MotionLiveCommandTest.lines(r).summary();
      // the wall clock starts at the first event, not before the sizing pass and the broker connection
      assertTrue(summary.get("sensor_s_per_wall_s").asDouble() > 0.6, summary.toString());
      assertTrue(summary.get("wall_s").asDouble() < 1.5, summary.toString());
    }
  }

  @Test
  void aBadBoardIdOrFormatExitsTwoBeforeAnythingStarts() {
    for (String[] bad : new String[][] {{"--board", "no/slash"}, {"--telemetry-format", "xml"}}) {
      CliRun r = CliRun.of("motion", "live", "--replay", dir.resolve("none.raw").toString(), "--broker", "tcp://127.0.0.1:1",
          bad[0], bad[1]);
      assertEquals(2, r.code, r.err);
      assertTrue(r.err.contains(bad[0].substring(2).replace("telemetry-", "")), r.err);
    }
  }
}
