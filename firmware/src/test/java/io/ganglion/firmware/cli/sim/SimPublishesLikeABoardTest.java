package io.ganglion.firmware.cli.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.testing.MonitorWait;
import io.ganglion.firmware.testing.TestBroker;
import io.ganglion.telemetry.command.CommandKey;
import io.ganglion.telemetry.command.CommandSender;
import io.ganglion.telemetry.command.CommandSigner;
import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.monitor.MonitorSnapshot;
import io.ganglion.telemetry.mqtt.MqttSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sim swimmer|navigate --broker}: status, telemetry and events exactly as a board, trajectory unchanged. */
class SimPublishesLikeABoardTest {

  static TestBroker broker;
  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aPublishingSwimmerSwimsTheSameAndAMonitorSeesEveryStep() throws Exception {
    Path plain = dir.resolve("plain.csv");
    Path published = dir.resolve("published.csv");
    assertEquals(0, CliRun.of("sim", "swimmer", "--steps", "200", "--csv", plain.toString()).code);
    for (String format : new String[] {"binary", "json"}) {
      String board = "sim-" + format;
      try (Monitor m = Monitor.start(MqttSettings.of(broker.url(), "watch-" + format), board)) {
        assertTrue(m.awaitSubscribed(10, TimeUnit.SECONDS));
        CliRun r = CliRun.of("sim", "swimmer", "--steps", "200", "--csv", published.toString(), "--broker", broker.url(),
            "--board", board, "--telemetry-format", format, "--json");
        assertEquals(0, r.code, r.err);
        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(published), "publishing changes nothing in the run");
        JsonNode telemetry = new ObjectMapper().readTree(r.out).get("telemetry");
        assertEquals(800, telemetry.get("samples_offered").asLong(), "4 streams x 200 control steps");
        assertEquals(800, telemetry.get("samples_sent").asLong());
        MonitorSnapshot s = MonitorWait.until(m, x -> x.board(board) != null && "offline".equals(x.board(board).state())
            && x.board(board).stream("swimmer") != null && x.board(board).stream("swimmer").samples() == 200);
        MonitorSnapshot.BoardSnapshot b = s.board(board);
        assertNotNull(b);
        assertEquals("shutdown", b.reason(), "a clean end publishes offline/shutdown");
        assertEquals("ncap", b.law());
        assertEquals(format, b.format());
        for (String stream : new String[] {"joints", "commands", "state", "swimmer"}) {
          assertEquals(200, b.stream(stream).samples(), stream);
          assertEquals(0, b.stream(stream).gaps(), stream);
        }
        assertEquals(5.97, b.stream("swimmer").lastTUs() / 1e6, 1e-9, "stamped with simulated time: step 199 at 5.97 s");
        assertTrue(b.stream("joints").latest().containsKey("q4_rad"));
        assertTrue(b.stream("commands").latest().containsKey("u4"));
        assertTrue(s.events().stream().anyMatch(e -> "failsafe".equals(e.kind()) && "disarmed->armed auto_arm".equals(e.detail())),
            "the auto-arm transition is an event: " + s.events());
        assertEquals(0, s.rejectedTotal());
      }
    }
  }

  @Test
  void signedCommandsReachTheLoopOfAPacedSimulation() throws Exception {
    CommandKey key = CommandKey.generate(new java.security.SecureRandom());
    Path keyFile = dir.resolve("sim.key");
    Files.writeString(keyFile, key.toHex());
    try (Monitor m = Monitor.start(MqttSettings.of(broker.url(), "watch-cmd"), "sim-cmd")) {
      assertTrue(m.awaitSubscribed(10, TimeUnit.SECONDS));
      CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("sim", "swimmer", "--steps", "100",
          "--pace", "1", "--broker", broker.url(), "--board", "sim-cmd", "--key-file", keyFile.toString(), "--json"));
      MonitorSnapshot s = MonitorWait.until(m, x -> x.board("sim-cmd") != null && x.board("sim-cmd").online()
          && x.events().stream().anyMatch(e -> "disarmed->armed auto_arm".equals(e.detail())));
      assertTrue(s.board("sim-cmd").online(), "the paced simulation is running: " + s.boards());
      try (CommandSender sender = new CommandSender(MqttSettings.of(broker.url(), "operator"), new CommandSigner(key))) {
        sender.send("sim-cmd", "disarm", null);
        sender.sendRaw("robots/sim-cmd/cmd/arm", "{\"v\":1}\nhmac-sha256=00".getBytes());
      }
      s = MonitorWait.until(m, x -> x.events().stream().anyMatch(e -> "armed->disarmed disarm_request".equals(e.detail()))
          && x.events().stream().anyMatch(e -> "command_rejected".equals(e.kind())));
      assertTrue(s.events().stream().anyMatch(e -> "command_accepted".equals(e.kind()) && "disarm".equals(e.detail())),
          s.events().toString());
      assertTrue(s.events().stream().anyMatch(e -> "armed->disarmed disarm_request".equals(e.detail())),
          "the loop applied the command: " + s.events());
      assertTrue(s.events().stream().anyMatch(e -> "command_rejected".equals(e.kind())
          && "bad_signature arm".equals(e.detail())), s.events().toString());
      CliRun r = run.get(30, TimeUnit.SECONDS);
      assertEquals(0, r.code, r.err);
      JsonNode c = new ObjectMapper().readTree(r.out).get("telemetry");
      assertEquals(1, c.get("commands_accepted").asLong());
      assertEquals(1, c.get("commands_bad_signature").asLong());
    }
  }

  @Test
  void theNavigateSimulationPublishesItsPose() throws Exception {
    try (Monitor m = Monitor.start(MqttSettings.of(broker.url(), "watch-nav"), "nav")) {
      assertTrue(m.awaitSubscribed(10, TimeUnit.SECONDS));
      CliRun r = CliRun.of("sim", "navigate", "--seconds", "2", "--broker", broker.url(), "--board", "nav", "--json");
      assertEquals(0, r.code, r.err);
      MonitorSnapshot s = MonitorWait.until(m, x -> x.board("nav") != null && "offline".equals(x.board("nav").state())
          && x.board("nav").stream("pose") != null && x.board("nav").stream("pose").samples() > 0);
      MonitorSnapshot.BoardSnapshot b = s.board("nav");
      assertEquals("drive", b.law());
      assertTrue(b.stream("pose").latest().get("path_m") > 0.3, b.stream("pose").latest().toString());
      assertNotNull(b.stream("imu"), "the robot has an IMU: " + b.streams());
    }
  }

  @Test
  void publishingOptionsWithoutABrokerAreRefusedInsteadOfIgnored() throws Exception {
    Path csv = dir.resolve("not-written.csv");
    String[][] cases = {{"--board", "sim2"}, {"--telemetry-format", "json"}, {"--pace", "1"}, {"--broker-port", "0"},
      {"--username", "me"}};
    for (String[] c : cases) {
      String[][] sims = {{"sim", "swimmer", "--steps", "10", "--csv", csv.toString()}, {"sim", "navigate", "--seconds", "0.1"}};
      for (String[] sim : sims) {
        String[] args = new String[sim.length + c.length];
        System.arraycopy(sim, 0, args, 0, sim.length);
        System.arraycopy(c, 0, args, sim.length, c.length);
        CliRun r = CliRun.of(args);
        assertEquals(2, r.code, String.join(" ", args) + " -> " + r.err);
        assertTrue(r.err.strip().equals("ganglion: " + c[0] + " needs --broker URL|embedded (without it nothing is published)"),
            r.err);
        assertTrue(Files.notExists(csv), "nothing written");
      }
    }
  }
}
