package io.ganglion.firmware.hil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.config.BoardConfig;
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
import org.junit.jupiter.api.io.TempDir;

/** A HIL run of NCAP (board and simulator on separate MQTT connections) swims exactly as ganglion sim swimmer. */
class HilSwimmerBitIdentityTest {

  static final Path BOARD_FILE = Path.of("examples", "swimmer6-hil.yaml");

  @TempDir Path dir;

  static BoardConfig board() {
    return BoardConfigLoader.load(Files.exists(BOARD_FILE) ? BOARD_FILE : Path.of("firmware").resolve(BOARD_FILE));
  }

  @Test
  void aHilRunOfNcapGivesTheSimulatorsTrajectoryBitForBit() throws Exception {
    Path local = dir.resolve("sim.csv");
    Path remote = dir.resolve("hil.csv");
    assertEquals(0, CliRun.of("sim", "swimmer", "--steps", "400", "--csv", local.toString()).code);
    try (TestBroker broker = TestBroker.start();
         HilBoard board = HilBoard.open(board(), MqttSettings.of(broker.url(), "hil-board-id"),
             new HilBoard.Options("bitid", TimeUnit.MILLISECONDS.toNanos(2_000), true, TimeUnit.SECONDS.toNanos(20)),
             EventSink.NONE, "test")) {
      CompletableFuture<HilBoard.Result> boardRun = CompletableFuture.supplyAsync(
          () -> board.run(new PrintStream(PrintStream.nullOutputStream())));
      CliRun sim = CliRun.of("hil", "serve", "--world", "swimmer", "--steps", "400", "--broker", broker.url(), "--session",
          "bitid", "--csv", remote.toString(), "--json");
      assertEquals(0, sim.code, sim.err);
      HilBoard.Result r = boardRun.get(30, TimeUnit.SECONDS);
      assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(remote), "HIL CSV equals sim swimmer's, byte for byte");
      assertEquals(400, r.frames());
      assertTrue(r.ended(), "the simulator's END stopped the board");
      assertEquals(0, r.linkLosses());
      assertEquals(0, board.firmware().report().trips(), "no failsafe trip");
      JsonNode s = new ObjectMapper().readTree(sim.out);
      assertEquals(400, s.get("steps").asLong());
      assertTrue(s.get("completed").asBoolean());
      assertTrue(s.get("end_acknowledged").asBoolean(), sim.out);
      JsonNode plain = new ObjectMapper().readTree(CliRun.of("sim", "swimmer", "--steps", "400", "--json").out);
      assertEquals(plain.get("distance_m").asDouble(), s.get("distance_m").asDouble(), 0.0);
      assertEquals(plain.get("final_nose_x").asDouble(), s.get("final_nose_x").asDouble(), 0.0);
    }
  }
}
