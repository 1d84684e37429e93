package io.ganglion.firmware.cli.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.sim.swimmer.NcapSwimmerLaw;
import io.ganglion.sim.swimmer.SwimmerCsvWriter;
import io.ganglion.sim.swimmer.SwimmerModel;
import io.ganglion.sim.swimmer.SwimmerRun;
import io.ganglion.sim.swimmer.SwimmerState;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimCommandsTest {

  @Test
  void simSwimmerThroughTheRuntimeWritesTheSameCsvAsTheDirectLoop(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("swim.csv");
    CliRun r = new CliRun("sim", "swimmer", "--steps", "200", "--csv", csv.toString(), "--json");
    assertEquals(0, r.code, r.err);
    StringWriter expected = new StringWriter();
    new SwimmerRun(new SwimmerState(SwimmerModel.dmControl(6)), NcapSwimmerLaw.shared(5, 1, 1, 1, -1))
        .recorder(new SwimmerCsvWriter(expected, 5)).run(200);
    assertEquals(expected.toString(), Files.readString(csv));
    assertEquals("ncap", new ObjectMapper().readTree(r.out).get("controller").asText());
  }

  @Test
  void simNavigateHoldsTheCommandedVelocity() throws Exception {
    CliRun r = new CliRun("sim", "navigate", "--v", "0.3", "--w", "0", "--seconds", "10", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertEquals(0.3, j.get("mean_v_m_s").asDouble(), 1e-6);
    assertEquals(0.0, j.get("mean_w_rad_s").asDouble(), 1e-9);
    assertEquals(0.0, j.get("final_y_m").asDouble(), 1e-9, "straight along x");
    assertEquals(10 * 0.3, j.get("final_x_m").asDouble(), 0.05);
    assertEquals(500, j.get("law_steps").asLong(), "10 s at 50 Hz");
    assertEquals(0, j.get("failsafe_trips").asLong());
  }

  @Test
  void simNavigateDefaultsToTheExampleRobotAndIsDeterministic() {
    CliRun a = new CliRun("sim", "navigate", "--seconds", "5", "--json");
    CliRun b = new CliRun("sim", "navigate", "--seconds", "5", "--json");
    assertEquals(0, a.code, a.err);
    String strip = "\"wall_s\":[0-9.eE-]+";
    assertEquals(a.out.replaceAll(strip, ""), b.out.replaceAll(strip, ""));
    assertTrue(a.out.contains("\"command_w_rad_s\":0.5"), a.out);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"--v=1e9", "--v=-101", "--w=1e9", "--w=-1001"})
  void simNavigateRefusesAVelocityOutsideTheBoardFilesRange(String flag) {
    // law.params.v_m_s / w_rad_s of a board file are refused beyond +-100 m/s / +-1000 rad/s
    CliRun r = new CliRun("sim", "navigate", flag, "--seconds", "1");
    assertEquals(2, r.code, r.out + r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains(flag.substring(0, 3) + " must be within"), r.err);
    assertEquals("", r.out);
  }

  @Test
  void simNavigateRefusesABoardWithoutTheDriveModel() {
    CliRun r = new CliRun("sim", "navigate", "--config", "examples/swimmer6.yaml");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("sim.model diffdrive"), r.err);
  }

  @Test
  void simNavigateReportsTimeAsStepsTimesDtAndTheHeadingWrappedInDegrees() throws Exception {
    // default robot: v = 0.2 m/s, w = 0.5 rad/s for 20 s turns 10 rad (573 deg): more than a full turn
    CliRun r = new CliRun("sim", "navigate", "--seconds", "20", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertEquals(20_000, j.get("physics_steps").asLong(), "20 s at timestep_ms 1");
    assertEquals(20_000 * 0.001, j.get("simulated_s").asDouble(), 0.0, "steps x dt, exactly");
    assertTrue(j.get("seconds") == null && j.get("final_heading_rad") == null, "keys name their units: " + r.out);
    double headingDeg = j.get("final_heading_deg").asDouble();
    assertTrue(headingDeg > -180 && headingDeg <= 180, "wrapped to (-180, 180]: " + headingDeg);
    // both wheels lag with the same time constant, so the robot stays on the circle of radius v / w
    // through the origin, centred at (0, R): x = R sin(theta), y = R (1 - cos(theta))
    double radiusM = 0.2 / 0.5;
    double x = j.get("final_x_m").asDouble();
    double y = j.get("final_y_m").asDouble();
    assertEquals(Math.toDegrees(Math.atan2(x, radiusM - y)), headingDeg, 0.01);
    assertTrue(headingDeg < -90, "about 573 - 720 deg, minus the start lag: " + headingDeg);
  }
}
