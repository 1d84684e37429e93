package io.ganglion.firmware.cli.bench;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.ProjectHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds, builds and runs the project's MuJoCo harness ({@code tools/mujoco-harness}). */
final class MujocoHarness {

  private static final Pattern STEPS_PER_S = Pattern.compile("steps_per_s=([0-9.]+)");

  private final Path binary;

  private MujocoHarness(Path binary) {
    this.binary = binary;
  }

  /** The harness at {@code explicit}, or built from the source tree into target/ when missing or older than its source. */
  static MujocoHarness locate(Path explicit) {
    if (explicit != null) {
      if (!Files.isExecutable(explicit)) {
        throw new InvalidInputException("--harness " + explicit + " is not an executable file");
      }
      return new MujocoHarness(explicit);
    }
    Path source = ProjectHome.find("tools/mujoco-harness/swimmer_harness.c");
    if (source == null) {
      throw new InvalidInputException("cannot find tools/mujoco-harness in " + ProjectHome.root()
          + "; run from the source tree or pass --harness PATH");
    }
    Path built = ProjectHome.root().resolve("target/swimmer_harness");
    try {
      if (!Files.isExecutable(built) || Files.getLastModifiedTime(built).compareTo(Files.getLastModifiedTime(source)) < 0) {
        System.err.println("bench: building the MuJoCo harness (tools/mujoco-harness/build.sh)...");
        Process p = new ProcessBuilder("bash", source.resolveSibling("build.sh").toString(), built.toString())
            .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
          throw new InvalidInputException("could not build the MuJoCo harness (needs gcc and libmujoco-dev: "
              + "apt-get install libmujoco-dev): " + out.strip().lines().reduce((a, b) -> b).orElse(""));
        }
      }
    } catch (IOException e) {
      throw new GanglionException("could not build the MuJoCo harness: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GanglionException("interrupted while building the MuJoCo harness", e);
    }
    return new MujocoHarness(built);
  }

  /** MuJoCo's physics steps per second for {@code bodies} links over {@code steps} steps. */
  double stepsPerSecond(int bodies, long steps) {
    try {
      Process p = new ProcessBuilder(List.of(binary.toString(), "bench", Integer.toString(bodies), Long.toString(steps)))
          .redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        throw new GanglionException("MuJoCo harness failed: " + out.strip());
      }
      Matcher m = STEPS_PER_S.matcher(out);
      if (!m.find()) {
        throw new GanglionException("unexpected MuJoCo harness output: " + out.strip());
      }
      return Double.parseDouble(m.group(1));
    } catch (IOException e) {
      throw new GanglionException("could not run the MuJoCo harness " + binary + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GanglionException("interrupted while running the MuJoCo harness", e);
    }
  }
}
