package io.ganglion.firmware.cli.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimSwimmerCommandTest {

  @TempDir Path dir;

  @Test
  void defaultRunSwimsLikeMujocosNcap6AndPrintsTheIssueJsonKeys() throws IOException {
    CliRun r = CliRun.of("sim", "swimmer", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode json = new ObjectMapper().readTree(r.out);
    for (String key : List.of("distance_m", "mean_forward_speed_m_s", "swim_return", "physics_steps_per_s", "wall_s",
        "final_nose_x", "final_nose_y")) {
      assertTrue(json.has(key), "missing key " + key + " in " + r.out);
    }
    assertEquals(2.166, json.get("distance_m").asDouble(), 0.005);
    assertEquals(1000, json.get("steps").asInt());
    assertTrue(json.get("swim_return").asDouble() > 700 && json.get("swim_return").asDouble() <= 1000);
  }

  @Test
  void csvOfTheWaveControllerEqualsMujocosReferenceRun() throws IOException {
    Path csv = dir.resolve("wave6.csv");
    CliRun r = CliRun.of("sim", "swimmer", "--controller", "wave", "--csv", csv.toString());
    assertEquals(0, r.code, r.err);
    List<String> ours = Files.readAllLines(csv);
    List<String> mujoco;
    try (InputStream in = getClass().getResourceAsStream("/mujoco/wave6.csv")) {
      mujoco = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    assertEquals(mujoco.size(), ours.size());
    assertEquals(mujoco.get(0), ours.get(0), "same header");
    // state columns (step..q4) identical to 9 decimals for the first 100 control steps
    for (int i = 1; i <= 100; i++) {
      String[] a = ours.get(i).split(",");
      String[] b = mujoco.get(i).split(",");
      for (int c = 0; c < 10; c++) {
        assertEquals(Double.parseDouble(b[c]), Double.parseDouble(a[c]), 2e-9, "row " + i + " column " + c);
      }
    }
  }

  @Test
  void plotsArePngOrSvgByExtension() throws IOException {
    Path png = dir.resolve("path.png");
    Path svg = dir.resolve("path.svg");
    assertEquals(0, CliRun.of("sim", "swimmer", "--steps", "100", "--plot", png.toString()).code);
    assertEquals(0, CliRun.of("sim", "swimmer", "--steps", "100", "--plot", svg.toString()).code);
    byte[] head = Files.readAllBytes(png);
    assertEquals((byte) 0x89, head[0]);
    assertEquals('P', head[1]);
    assertTrue(Files.readString(svg).contains("<svg"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--links=2", "--links=51", "--steps=0", "--steps=-5", "--weights=1,1,1", "--weights=1,nan,1,-1",
      "--weights=1,abc,1,-1", "--weights=1,1,1,-1e9", "--controller=bogus", "--plot=out.jpg", "--links=x"})
  void badInputExitsTwoWithOneLineAndWritesNothing(String flag) throws IOException {
    Path csv = dir.resolve("keep.csv");
    Files.writeString(csv, "previous content\n");
    CliRun r = CliRun.of("sim", "swimmer", flag, "--csv", csv.toString());
    assertEquals(2, r.code, r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertFalse(r.err.contains("Exception"), r.err);
    assertEquals("previous content\n", Files.readString(csv), "an existing output must stay untouched");
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary or partial file may be left behind");
    }
  }

  @Test
  void csvAndPlotInTheSameFileIsAUsageErrorThatKeepsTheFile() throws IOException {
    Path same = dir.resolve("run.png");
    Files.writeString(same, "previous content\n");
    CliRun r = CliRun.of("sim", "swimmer", "--steps", "10", "--csv", same.toString(), "--plot",
        dir.resolve(".").resolve("run.png").toString());
    assertEquals(2, r.code, r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains("--csv and --plot are the same file"), r.err);
    assertEquals("previous content\n", Files.readString(same));
  }

  @Test
  void unwritableOutputDirectoryIsAUsageError() {
    CliRun r = CliRun.of("sim", "swimmer", "--csv", dir.resolve("missing/dir/out.csv").toString());
    assertEquals(2, r.code);
    assertTrue(r.err.contains("does not exist"), r.err);
  }

  @Test
  void randomInitIsReproducibleWithTheSameSeed() throws IOException {
    CliRun a = CliRun.of("sim", "swimmer", "--random-init", "--seed", "7", "--steps", "200", "--json");
    CliRun b = CliRun.of("sim", "swimmer", "--random-init", "--seed", "7", "--steps", "200", "--json");
    CliRun c = CliRun.of("sim", "swimmer", "--random-init", "--seed", "8", "--steps", "200", "--json");
    ObjectMapper m = new ObjectMapper();
    assertEquals(m.readTree(a.out).get("final_nose_x"), m.readTree(b.out).get("final_nose_x"));
    assertFalse(m.readTree(a.out).get("final_nose_x").equals(m.readTree(c.out).get("final_nose_x")));
  }
}
