package io.ganglion.firmware.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.testing.TestBroker;
import io.ganglion.telemetry.mqtt.MqttSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The differential-drive robot over HIL (one exchange per 1 ms physics step) ends where sim navigate ends, exactly. */
class HilNavigateMatchesSimNavigateTest {

  @Test
  void aHilRunOfTheDriveLawEndsAtTheSimulatorsPoseExactly() throws Exception {
    Path file = Path.of("examples", "diffdrive.yaml");
    file = Files.exists(file) ? file : Path.of("firmware").resolve(file);
    try (TestBroker broker = TestBroker.start();
         HilBoard board = HilBoard.open(BoardConfigLoader.load(file), MqttSettings.of(broker.url(), "nav-board-hil"),
             new HilBoard.Options("nav", TimeUnit.SECONDS.toNanos(2), true, TimeUnit.SECONDS.toNanos(20)), EventSink.NONE, "t")) {
      CompletableFuture<HilBoard.Result> run = CompletableFuture.supplyAsync(
          () -> board.run(new PrintStream(PrintStream.nullOutputStream())));
      CliRun hil = CliRun.of("hil", "serve", "--world", "navigate", "--config", file.toString(), "--steps", "2000",
          "--broker", broker.url(), "--session", "nav", "--json");
      assertEquals(0, hil.code, hil.err);
      assertEquals(2000, run.get(20, TimeUnit.SECONDS).frames());
      CliRun sim = CliRun.of("sim", "navigate", "--config", file.toString(), "--seconds", "2", "--json");
      JsonNode h = new ObjectMapper().readTree(hil.out);
      JsonNode s = new ObjectMapper().readTree(sim.out);
      for (String key : new String[] {"final_x_m", "final_y_m", "final_heading_deg", "path_length_m", "simulated_s"}) {
        assertEquals(s.get(key).asDouble(), h.get(key).asDouble(), 0.0, key);
      }
    }
  }
}
