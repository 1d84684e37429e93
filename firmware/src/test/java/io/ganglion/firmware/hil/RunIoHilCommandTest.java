package io.ganglion.firmware.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.testing.TestBroker;
import io.ganglion.sim.swimmer.SwimmerConfig;
import io.ganglion.sim.swimmer.SwimmerModel;
import io.ganglion.sim.swimmer.SwimmerState;
import io.ganglion.telemetry.hil.HilSimulatorLink;
import io.ganglion.telemetry.mqtt.MqttSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ganglion run --io hil}: the board side from the command line, served by a simulator. */
class RunIoHilCommandTest {

  static String boardFile() {
    java.nio.file.Path p = java.nio.file.Path.of("examples", "swimmer6-hil.yaml");
    return (java.nio.file.Files.exists(p) ? p : java.nio.file.Path.of("firmware").resolve(p)).toString();
  }

  @Test
  void theBoardAnswersEveryStepAndStopsAtTheSimulatorsEnd() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      CompletableFuture<CliRun> board = CompletableFuture.supplyAsync(() -> CliRun.of("run", "--config", boardFile(), "--io",
          "hil", "--broker", broker.url(), "--session", "cli1", "--give-up-s", "20", "--json"));
      try (HilSimulatorLink link = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "cli-sim"), "cli1",
          HilSensorLayout.sensorWords(5, true), 10_000)) {
        HilSwimmerWorld world = new HilSwimmerWorld(new SwimmerState(new SwimmerModel(SwimmerConfig.dmControl(6))),
            (step, s, u) -> { });
        HilServer.Result r = HilServer.serve(world, link, new HilServer.Options(150, TimeUnit.MILLISECONDS.toNanos(100),
            TimeUnit.SECONDS.toNanos(10), TimeUnit.SECONDS.toNanos(20)), new PrintWriter(new StringWriter()), n -> { });
        assertTrue(r.completed());
      }
      CliRun run = board.get(30, TimeUnit.SECONDS);
      assertEquals(0, run.code, run.err);
      JsonNode j = new ObjectMapper().readTree(run.out);
      assertEquals("hil", j.get("io").asText());
      assertEquals(150, j.get("frames").asLong());
      assertTrue(j.get("ended_by_simulator").asBoolean());
      assertEquals("DISARMED", j.get("final_state").asText());
      assertEquals("AUTO_ARM", j.get("transitions").get(0).get("reason").asText());
    }
  }

  @Test
  void hilNeedsABrokerAndASession() {
    CliRun r = CliRun.of("run", "--config", boardFile(), "--io", "hil");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("--io hil needs --broker URL and --session ID"), r.err);
    CliRun bad = CliRun.of("run", "--config", boardFile(), "--io", "radio");
    assertEquals(2, bad.code);
    assertTrue(bad.err.contains("--io must be board, mock or hil"), bad.err);
  }
}
