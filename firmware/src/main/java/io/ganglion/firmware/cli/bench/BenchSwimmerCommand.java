package io.ganglion.firmware.cli.bench;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.Progress;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.sim.swimmer.SwimmerConfig;
import io.ganglion.sim.swimmer.SwimmerSpeed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ganglion bench swimmer}: Ganglion's swimmer physics against MuJoCo on the same machine,
 * interleaved round by round so both see the same machine load; reports the median and range of
 * the per-round speed ratios.
 */
@Command(
    name = "swimmer",
    mixinStandardHelpOptions = true,
    versionProvider = io.ganglion.firmware.cli.support.VersionProvider.class,
    sortOptions = false,
    description = {
      "Physics steps per second of Ganglion's swimmer against MuJoCo 2.2.2 (tools/mujoco-harness),",
      "single thread, same controls, interleaved rounds; prints the speed ratio per link count."
    })
public final class BenchSwimmerCommand implements Callable<Integer> {

  @Option(names = "--links", paramLabel = "N", split = ",", defaultValue = "3,6,9,15",
      description = "Link counts to measure (default: ${DEFAULT-VALUE}).")
  int[] links;

  @Option(names = "--rounds", paramLabel = "R", defaultValue = "7",
      description = "Measured rounds per link count, alternating which engine goes first (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--physics-steps", paramLabel = "S", defaultValue = "300000",
      description = "Physics steps per measurement (default: ${DEFAULT-VALUE}).")
  long physicsSteps;

  @Option(names = "--harness", paramLabel = "PATH",
      description = "A built swimmer_harness binary (default: build tools/mujoco-harness into target/).")
  Path harnessPath;

  @Mixin JsonOption json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    for (int n : links) {
      if (n < SwimmerConfig.MIN_BODIES || n > SwimmerConfig.MAX_BODIES) {
        throw new InvalidInputException("--links values must be between 3 and 50, got " + n);
      }
    }
    if (rounds < 1 || physicsSteps < 1000) {
      throw new InvalidInputException("--rounds must be >= 1 and --physics-steps >= 1000");
    }
    MujocoHarness mujoco = MujocoHarness.locate(harnessPath);
    Summary summary = new Summary();
    summary.line("Ganglion swimmer physics vs MuJoCo 2.2.2: physics steps/s, single thread, %d rounds of %d steps",
        rounds, physicsSteps);
    summary.line("%6s  %14s  %14s  %10s  %17s", "links", "ganglion", "mujoco", "ratio", "ratio min..max");
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Progress progress = new Progress("benchmarking", (long) links.length * (rounds + 1), "rounds", true)) {
      long done = 0;
      for (int n : links) {
        SwimmerSpeed.measure(n, physicsSteps); // warm-up: JIT compilation
        mujoco.stepsPerSecond(n, physicsSteps / 10);
        progress.update(++done);
        double[] ours = new double[rounds];
        double[] theirs = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          if (r % 2 == 0) {
            ours[r] = SwimmerSpeed.measure(n, physicsSteps);
            theirs[r] = mujoco.stepsPerSecond(n, physicsSteps);
          } else {
            theirs[r] = mujoco.stepsPerSecond(n, physicsSteps);
            ours[r] = SwimmerSpeed.measure(n, physicsSteps);
          }
          ratio[r] = ours[r] / theirs[r];
          progress.update(++done);
        }
        double medOurs = RoundSeries.median(ours, rounds);
        double medTheirs = RoundSeries.median(theirs, rounds);
        double medRatio = RoundSeries.median(ratio, rounds);
        double min = Arrays.stream(ratio).min().orElse(0);
        double max = Arrays.stream(ratio).max().orElse(0);
        summary.line("%6d  %14.0f  %14.0f  %9.2fx  %8.2f..%-8.2f", n, medOurs, medTheirs, medRatio, min, max);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("links", n);
        row.put("ganglion_steps_per_s", medOurs);
        row.put("mujoco_steps_per_s", medTheirs);
        row.put("ratio_median", medRatio);
        row.put("ratio_min", min);
        row.put("ratio_max", max);
        rows.add(row);
      }
    }
    summary.put("rounds", rounds).put("physics_steps", physicsSteps).put("results", rows);
    summary.line("(medians over rounds; ratio = ganglion / mujoco per round)");
    summary.print(spec.commandLine().getOut(), json.enabled());
    return 0;
  }
}
