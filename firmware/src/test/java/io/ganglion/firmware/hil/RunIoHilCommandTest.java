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
    String simulatorSide = "";
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
        assertTrue(r.endAcknowledged(), "the board acknowledged the END");
        simulatorSide = "simulator: " + r + ", publishes failed " + link.sendFailures() + ", connection losses "
            + link.connectionLosses();
      }
      CliRun run = board.get(30, TimeUnit.SECONDS);
      assertEquals(0, run.code, run.err + run.out + simulatorSide);
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

  @Test
  void aLinkLostMidRunAndGivingUpExitOne() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      CompletableFuture<CliRun> board = CompletableFuture.supplyAsync(() -> CliRun.of("run", "--config", boardFile(), "--io",
          "hil", "--broker", broker.url(), "--session", "lost1", "--link-timeout-ms", "300", "--give-up-s", "1.5", "--json"));
      try (HilSimulatorLink link = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "lost-sim"), "lost1",
          HilSensorLayout.sensorWords(5, true), 10_000)) {
        HilSwimmerWorld world = new HilSwimmerWorld(new SwimmerState(new SwimmerModel(SwimmerConfig.dmControl(6))),
            (step, s, u) -> { });
        double[] sensors = new double[world.sensorWords()];
        io.ganglion.telemetry.hil.HilFrame answer = new io.ganglion.telemetry.hil.HilFrame(8);
        for (int n = 0; n < 20; n++) {
          int c = world.readSensors(n * HilSwimmerWorld.STEP_NANOS, sensors);
          assertTrue(link.exchange(n, n * 30_000L, sensors, c, answer, TimeUnit.MILLISECONDS.toNanos(100),
              TimeUnit.SECONDS.toNanos(20)));
          world.step(answer.values(), answer.count());
        }
        // then silence: the board loses the link, trips, and gives up
        CliRun run = board.get(30, TimeUnit.SECONDS);
        assertEquals(1, run.code, run.err);
        JsonNode j = new ObjectMapper().readTree(run.out);
        assertEquals(1, j.get("link_losses").asLong());
        assertTrue(j.get("gave_up").asBoolean());
        assertEquals(1, j.get("trips").asLong());
        assertTrue(run.err.contains("ganglion: the HIL run did not complete: the link to the simulator was lost 1 time(s)"),
            run.err);
      }
    }
  }

  @Test
  void givingUpWithoutASimulatorExitsOne() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      CliRun run = CliRun.of("run", "--config", boardFile(), "--io", "hil", "--broker", broker.url(), "--session", "none1",
          "--give-up-s", "0.5", "--json");
      assertEquals(1, run.code, run.err);
      JsonNode j = new ObjectMapper().readTree(run.out);
      assertTrue(j.get("gave_up").asBoolean());
      assertEquals(0, j.get("frames").asLong());
      assertTrue(run.err.contains("the board gave up waiting for the simulator"), run.err);
    }
  }

  @Test
  void sigtermStopsAHilRunWhichPrintsItsSummary() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
      Process p = new ProcessBuilder(javaBin, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          "io.ganglion.firmware.cli.GanglionMain", "run", "--config", boardFile(), "--io", "hil", "--broker", broker.url(),
          "--session", "sig1", "--json").start();
      CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
      StringBuffer err = new StringBuffer();
      Thread errReader = new Thread(() -> {
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getErrorStream(),
            java.nio.charset.StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            err.append(line).append('\n');
          }
        } catch (java.io.IOException e) {
          err.append("(stderr: ").append(e).append(")\n");
        }
      });
      errReader.start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!err.toString().contains("waiting for the simulator") && System.nanoTime() < deadline && p.isAlive()) {
          Thread.sleep(20);
        }
        assertTrue(err.toString().contains("waiting for the simulator"), err.toString());
        assertTrue(p.toHandle().destroy()); // SIGTERM, keeping our ends of the pipes open
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the child exited");
      } finally {
        p.destroyForcibly();
      }
      errReader.join(5_000);
      assertEquals(143, p.exitValue(), err.toString());
      JsonNode j = new ObjectMapper().readTree(out.get(5, TimeUnit.SECONDS));
      assertTrue(j.get("stopped_by_signal").asBoolean(), j.toString());
      assertEquals("hil", j.get("io").asText());
    }
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
