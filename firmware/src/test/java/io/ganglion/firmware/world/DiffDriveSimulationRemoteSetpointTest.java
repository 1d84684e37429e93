package io.ganglion.firmware.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.sim.SimNavigateCommand;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.tap.TelemetryTap;
import io.ganglion.firmware.telemetry.LoopCommands;
import io.ganglion.telemetry.command.Command;
import org.junit.jupiter.api.Test;

/**
 * A remote {@code set} of one component of the drive law's body velocity keeps the other
 * component the law holds, also when the run started from {@code --v}/{@code --w} rather than the
 * board file's initial command.
 */
class DiffDriveSimulationRemoteSetpointTest {

  @Test
  void settingVRemotelyKeepsTheYawRateGivenOnTheCommandLine() throws Exception {
    BoardConfig board = SimNavigateCommand.builtInBoard();   // the file holds v = 0.2 m/s, w = 0.5 rad/s
    JsonNode setV = new ObjectMapper().readTree("{\"name\": \"v_m_s\", \"value\": 0.4}");
    // as sim navigate --v 0.3 --w 0 --broker ... --key-file ...; then 'set v_m_s 0.4' arrives
    DiffDriveSimulation.Result r = DiffDriveSimulation.run(board, 0.3, 0.0, 4_000_000_000L, (state, law) -> {
      LoopCommands c = new LoopCommands(null, null);
      SimulationHooks h = new SimulationHooks(TelemetryTap.NONE, 0, EventSink.NONE);
      h.task("commands", 20_000_000L, c);
      h.onBuilt(f -> {
        c.bind(f.requests(), f.law());
        c.onCommand(new Command("sim", "set", 0, "n1", setV));   // applied at the first control period
      });
      return h;
    });
    assertEquals(0.0, r.commandWRadS(), 0.0, "--w 0 held at the start");
    assertEquals(0.4, r.meanVMS(), 1e-6, "the new forward velocity");
    assertEquals(0.0, r.meanWRadS(), 1e-9, "still straight, as --w 0 asked");
    assertEquals(0.0, r.finalYM(), 1e-9, "straight along x");
  }
}
