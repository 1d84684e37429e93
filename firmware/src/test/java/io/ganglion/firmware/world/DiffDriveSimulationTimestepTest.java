package io.ganglion.firmware.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop runs the physics every timestep rounded to whole nanoseconds; the physics must
 * integrate that same interval, or its clock drifts from the loop's (the law's) clock.
 */
class DiffDriveSimulationTimestepTest {

  @Test
  void aTimestepThatIsNotAWholeNumberOfNanosecondsIntegratesTheLoopsInterval(@TempDir Path dir) throws Exception {
    String yaml = Files.readString(Path.of("examples/diffdrive.yaml")).replace("timestep_ms: 1", "timestep_ms: 0.0333333");
    Path file = dir.resolve("diffdrive.yaml");
    Files.writeString(file, yaml);
    BoardConfig board = BoardConfigLoader.load(file);
    assertEquals(33_333e-9, board.sim().diffdrive().timestepS(), 0.0, "33333.3 ns runs every 33333 ns");
    DiffDriveSimulation.Result r = DiffDriveSimulation.run(board, null, null, 2_000_000_000L);
    // 60001 physics releases at t = 0, 33333 ns, ... < 2 s: the physics clock is the loop's
    assertEquals(60_001, r.physicsSteps());
    assertEquals(60_001 * 33_333e-9, r.simulatedS(), 1e-12);
  }
}
