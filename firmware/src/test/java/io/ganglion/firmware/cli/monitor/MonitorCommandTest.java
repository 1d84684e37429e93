package io.ganglion.firmware.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.testing.DemoBoard;
import io.ganglion.firmware.testing.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MonitorCommandTest {

  static TestBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void oneJsonSnapshotShowsTheBoardOnlineWithItsStreamRateAndEvents() throws Exception {
    try (DemoBoard board = new DemoBoard(broker.url(), "mon-json")) {
      Thread.sleep(300);
      CliRun r = CliRun.of("monitor", "--broker", broker.url(), "--board", "mon-json", "--json", "--duration", "1.5");
      assertEquals(0, r.code, r.err);
      JsonNode s = new ObjectMapper().readTree(r.out);
      assertEquals("robots/mon-json/#", s.get("filter").asText());
      JsonNode b = s.get("boards").get(0);
      assertEquals("mon-json", b.get("board").asText());
      assertEquals("online", b.get("state").asText());
      assertEquals("demo", b.get("law").asText());
      JsonNode joints = b.get("streams").get(0);
      assertEquals("joints", joints.get("stream").asText());
      double rate = joints.get("samples_per_s").asDouble();
      assertTrue(rate > 300 && rate < 1_500, "about 1000 samples/s: " + rate);
      assertEquals(0.5, joints.get("latest").get("torque_nm").asDouble());
      assertTrue(s.get("events").toString().contains("\"kind\":\"fault\""), s.get("events").toString());
      assertEquals(0, s.get("rejected").get("telemetry").size());
    }
  }

  @Test
  void theTextSnapshotFitsEightyColumns() throws Exception {
    try (DemoBoard board = new DemoBoard(broker.url(), "mon-text")) {
      CliRun r = CliRun.of("monitor", "--broker", broker.url(), "--once", "--duration", "1");
      assertEquals(0, r.code, r.err);
      assertTrue(r.out.contains("mon-text"), r.out);
      assertTrue(r.out.contains("mon-text/joints"), r.out);
      String[] lines = r.out.split("\n");
      assertTrue(lines.length <= 24, r.out);
      for (String line : lines) {
        assertTrue(line.length() <= 80, line);
      }
    }
  }

  @Test
  void theLiveViewRefreshesUntilTheDurationEnds() {
    CliRun r = CliRun.of("monitor", "--broker", broker.url(), "--duration", "1", "--refresh-ms", "250");
    assertEquals(0, r.code, r.err);
    long frames = r.out.lines().filter(l -> l.startsWith("ganglion monitor")).count();
    assertTrue(frames >= 3 && frames <= 6, frames + " frames in 1 s at 250 ms");
  }

  @Test
  void theWebPageIsServedUntilTheDurationEnds() {
    CliRun r = CliRun.of("monitor", "--broker", broker.url(), "--web", "0", "--duration", "0.5");
    assertEquals(0, r.code, r.err);
    assertTrue(r.err.contains("monitor page at http://127.0.0.1:"), r.err);
  }

  @Test
  void anUnreachableBrokerFailsASnapshotWithOneLine() {
    CliRun r = CliRun.of("monitor", "--broker", "tcp://127.0.0.1:1", "--once", "--connect-timeout", "0.5");
    assertEquals(1, r.code);
    assertTrue(r.err.contains("cannot reach the broker tcp://127.0.0.1:1"), r.err);
  }

  @Test
  void aDurationThatRoundsToNothingIsAUsageErrorNotARunUntilCtrlC() {
    for (String d : new String[] {"0.0004", "0", "NaN", "1e300"}) {
      CliRun r = CliRun.of("monitor", "--broker", broker.url(), "--duration", d);
      assertEquals(2, r.code, d + ": " + r.err);
      assertTrue(r.err.contains("--duration must be a number of seconds in 0.001..1e9"), r.err);
    }
  }

  @Test
  void webDoesNotCombineWithJson() {
    CliRun r = CliRun.of("monitor", "--broker", broker.url(), "--web", "0", "--json");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("--web serves a live page"), r.err);
  }

  @Test
  void aWebBindAddressThisMachineDoesNotHaveIsAUsageErrorSayingSo() {
    // 192.0.2.1: TEST-NET-1 (RFC 5737), never an address of this machine
    CliRun r = CliRun.of("monitor", "--broker", broker.url(), "--web", "0", "--web-bind", "192.0.2.1", "--duration", "0.5");
    assertEquals(2, r.code, r.err);
    assertTrue(r.err.contains("--web-bind must be an address of this machine"), r.err);
    assertFalse(r.err.contains("port in use"), r.err);
  }
}
