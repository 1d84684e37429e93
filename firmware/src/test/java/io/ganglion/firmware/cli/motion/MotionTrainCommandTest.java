package io.ganglion.firmware.cli.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.sim.motion.MotionModel;
import io.ganglion.sim.motion.MotionModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ganglion motion train}: small trainings, the model file, determinism, bad options. */
class MotionTrainCommandTest {

  @TempDir Path dir;

  private static final String[] SMALL = {"--directions", "4", "--speeds", "1", "--movies", "8", "--samples-per-movie", "30",
    "--size", "32", "--epochs", "2", "--delays", "4", "--bin-us", "5000", "--radius", "1", "--cell", "8"};

  private CliRun train(Path out, String... more) {
    String[] args = new String[4 + SMALL.length + more.length];
    args[0] = "motion";
    args[1] = "train";
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(SMALL, 0, args, 4, SMALL.length);
    System.arraycopy(more, 0, args, 4 + SMALL.length, more.length);
    return CliRun.of(args);
  }

  @Test
  void writesAModelFileThatMatchesTheSummaryAndIsReproducible() throws IOException {
    Path a = dir.resolve("a.json");
    CliRun r = train(a, "--json", "--keep", "0.25", "--held-out", "1");
    assertEquals(0, r.code, r.err);
    JsonNode j = new ObjectMapper().readTree(r.out);
    MotionModel m = MotionModelFile.read(a);
    assertEquals(4, j.get("classes").asInt());
    assertEquals(m.nonZeroWeightCount(), j.get("non_zero_weights").asInt());
    assertEquals(Math.round(0.25 * m.weightCount()), m.nonZeroWeightCount(), 2);
    assertEquals(4, j.get("held_out_movies").asInt());
    assertEquals(j.get("held_out_movie_accuracy").asDouble(), m.training().heldOutMovieAccuracy(), 1e-12);
    assertTrue(m.training().command().startsWith("ganglion motion train --out"), m.training().command());
    Path b = dir.resolve("b.json");
    assertEquals(0, train(b, "--keep", "0.25").code);
    assertArrayEquals(m.weights(), MotionModelFile.read(b).weights(), "same seed, same weights");
  }

  @Test
  void badOptionsExitTwoAndLeaveNoFile() throws IOException {
    Path out = dir.resolve("m.json");
    Files.writeString(out, "keep me");
    String[][] cases = {{"--keep", "0"}, {"--radius", "17"}, {"--leak-ms", "0"}, {"--contrast-thresholds", "0.001"},
      {"--epochs", "0"}, {"--spike-quantile", "1"}, {"--speed-values", "0.4,0.2"}};
    for (String[] c : cases) {
      CliRun r = train(out, c);
      assertEquals(2, r.code, String.join(" ", c) + " -> " + r.err);
      assertFalse(r.err.strip().contains("\n"), r.err);
      assertEquals("keep me", Files.readString(out), "the existing file is untouched");
    }
    CliRun fewMovies = CliRun.of("motion", "train", "--out", out.toString(), "--directions", "4", "--speeds", "1", "--movies", "3");
    assertEquals(2, fewMovies.code, fewMovies.err);
    assertTrue(fewMovies.err.contains("--movies 3 leaves classes without a movie: give at least 4"), fewMovies.err);
    CliRun fewPerThreshold = train(out, "--contrast-thresholds", "0.2,0.3,0.4");
    assertEquals(2, fewPerThreshold.code, fewPerThreshold.err);
    assertTrue(fewPerThreshold.err.contains("give at least 12 (4 classes x 3 contrast threshold(s))"), fewPerThreshold.err);
    CliRun keep = train(out, "--keep", "1.5");
    assertTrue(keep.err.contains("--keep must be a fraction in (0, 1], got 1.5"), keep.err);
    assertEquals("keep me", Files.readString(out), "the existing file is untouched");
    CliRun noDir = CliRun.of("motion", "train", "--out", dir.resolve("nope/m.json").toString());
    assertEquals(2, noDir.code);
  }
}
