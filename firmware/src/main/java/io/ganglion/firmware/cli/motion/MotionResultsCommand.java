package io.ganglion.firmware.cli.motion;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.OutputFile;
import io.ganglion.firmware.cli.support.ProjectHome;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.sim.motion.MotionModels;
import io.ganglion.sim.motion.MotionPruningSweep;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ganglion motion results}: regenerates docs/motion-results.md and its plots. */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    versionProvider = io.ganglion.firmware.cli.support.VersionProvider.class,
    sortOptions = false,
    description = {
      "Train the 8 x 1 and 12 x 3 motion detectors on simulated movies, measure their accuracy on held-out",
      "movies (float and fixed point), sweep pruning, run the built-in model on the real recordings, and write",
      "OUT/motion-results.md with its plots in OUT/img/ (a few minutes on 2 cores)."
    },
    footer = {"", "Example:", "  ganglion motion results --out docs/"})
public final class MotionResultsCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for motion-results.md and img/.")
  Path out;

  @Option(names = "--recordings", paramLabel = "DIR",
      description = "Real recordings to run the built-in model on (default: ../shared/data/events next to the project; skipped when absent).")
  Path recordings;

  @Option(names = "--quick", description = "Tiny training sets and sweeps: checks that every step runs (seconds); the numbers mean nothing.")
  boolean quick;

  @Mixin JsonOption json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(out)) {
      throw new InvalidInputException("--out " + out + " is not a directory; create it first");
    }
    Path rec = recordings != null ? recordings : ProjectHome.root().resolve("../shared/data/events").normalize();
    if (recordings != null && !Files.isDirectory(recordings)) {
      throw new InvalidInputException("--recordings " + recordings + " is not a directory");
    }
    Path mdPath = out.resolve("motion-results.md");
    OutputFile.create("--out", mdPath).close(); // fail now if it cannot be written
    MotionResults.Plan plan = quick ? MotionResults.Plan.quick(rec) : MotionResults.Plan.full(rec);
    MotionResults.Outcome o;
    try (PhasedProgress progress = new PhasedProgress()) {
      o = MotionResults.run(plan, progress);
    }
    String command = "./ganglion " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    String text = MotionResultsReport.write(o, out, command, VersionProvider.version(), MotionModels.defaultModel());
    try (OutputFile file = OutputFile.create("--out", mdPath)) {
      try (OutputStream os = file.open()) {
        os.write(text.getBytes(StandardCharsets.UTF_8));
      }
      file.commit();
    }
    summary(o, mdPath).print(spec.commandLine().getOut(), json.enabled());
    return 0;
  }

  private static Summary summary(MotionResults.Outcome o, Path md) {
    List<Map<String, Object>> pruning = new ArrayList<>();
    for (MotionPruningSweep.Point p : o.pruning()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("keep", p.keepFraction());
      m.put("non_zero_weights", p.nonZeroWeights());
      m.put("movie_accuracy_fixed", p.fixed().movieAccuracy());
      m.put("movie_accuracy_float", p.floating().movieAccuracy());
      m.put("spike_accuracy_fixed", p.fixed().spikeAccuracy());
      m.put("spike_accuracy_float", p.floating().spikeAccuracy());
      pruning.add(m);
    }
    Summary s = new Summary()
        .put("out", md.toString())
        .put("movie_accuracy_8x1_fixed", o.eight().fixed().movieAccuracy())
        .put("movie_accuracy_8x1_float", o.eight().floating().movieAccuracy())
        .put("spike_accuracy_8x1_fixed", o.eight().fixed().spikeAccuracy())
        .put("movie_accuracy_12x3_fixed", o.paper().fixed().movieAccuracy())
        .put("movie_accuracy_12x3_float", o.paper().floating().movieAccuracy())
        .put("spike_accuracy_12x3_fixed", o.paper().fixed().spikeAccuracy())
        .put("movie_accuracy_builtin_fixed", o.builtIn().fixed().movieAccuracy())
        .put("spike_accuracy_builtin_fixed", o.builtIn().fixed().spikeAccuracy())
        .put("pruning", pruning)
        .put("recordings", o.recordings().size())
        .put("wall_s", o.wallS());
    s.line("motion results: %s (%.0f s)", md, o.wallS());
    s.line("  8 x 1:  %.1f%% per movie fixed (%.1f%% float), %.1f%% per spike", 100 * o.eight().fixed().movieAccuracy(),
        100 * o.eight().floating().movieAccuracy(), 100 * o.eight().fixed().spikeAccuracy());
    s.line("  12 x 3: %.1f%% per movie fixed (%.1f%% float), %.1f%% per spike", 100 * o.paper().fixed().movieAccuracy(),
        100 * o.paper().floating().movieAccuracy(), 100 * o.paper().fixed().spikeAccuracy());
    s.line("  built-in (12 x 5): %.1f%% per movie fixed, %.1f%% per spike", 100 * o.builtIn().fixed().movieAccuracy(),
        100 * o.builtIn().fixed().spikeAccuracy());
    for (MotionPruningSweep.Point p : o.pruning()) {
      s.line("  kept %6.2f%%: %7d weights, %.1f%% per movie fixed (%.1f%% float)", 100 * p.keepFraction(),
          p.nonZeroWeights(), 100 * p.fixed().movieAccuracy(), 100 * p.floating().movieAccuracy());
    }
    s.line("  recordings: %d", o.recordings().size());
    return s;
  }
}
