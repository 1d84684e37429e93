package io.ganglion.firmware.cli.replay;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.firmware.ticklog.TickReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ganglion replay}: re-run a recorded board run's controller and compare its outputs. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Re-run the firmware of a tick log (ganglion run --record FILE) on this machine: the same board file, law and",
      "settings, every task run at its recorded time with the recorded sensor inputs and commands, and compare every",
      "output write with the recorded one, bit for bit. Exit 0 when identical, 1 when not."
    },
    footer = {"", "Example:",
      "  ganglion run --config firmware/examples/swimmer6.yaml --mock --virtual-time --duration 10 --record run.glog",
      "  ganglion replay run.glog"})
public final class ReplayCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The tick log.")
  Path file;

  @Mixin JsonOption json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("tick log " + file + " does not exist or is not a file");
    }
    long t0 = System.nanoTime();
    TickReplayer.Result r = TickReplayer.replay(file);
    double wall = (System.nanoTime() - t0) / 1e9;
    new Summary()
        .put("file", file.toString())
        .put("board", r.board())
        .put("law", r.law())
        .put("identical", r.identical())
        .put("records", r.records())
        .put("task_runs", r.taskRuns())
        .put("law_steps", r.lawSteps())
        .put("outputs_compared", r.outputsCompared())
        .put("output_mismatches", r.outputMismatches())
        .put("first_mismatch", r.firstMismatch())
        .put("diverged", r.diverged())
        .put("cut_short", r.cutShort())
        .put("final_state", r.finalState().name())
        .put("torn_tail_bytes", r.log().droppedBytes())
        .put("wall_s", wall)
        .line("%s: %s", file, r.identical() ? "IDENTICAL outputs" : "DIFFERENT outputs")
        .line("  board %s, law %s: %d task runs, %d law steps replayed from %d records in %.2f s", r.board(), r.law(),
            r.taskRuns(), r.lawSteps(), r.records(), wall)
        .line("  %d output writes compared, %d differ%s", r.outputsCompared(), r.outputMismatches(),
            r.firstMismatch() == null ? "" : " (first: " + r.firstMismatch() + ")")
        .line(r.diverged() != null ? "  diverged: " + r.diverged() : r.cutShort()
            ? "  the log ends inside a task run (the run stopped without closing it): compared up to there"
            : "  the replay followed the log to its end")
        .line(r.log().clean() ? "  log complete" : "  torn tail of " + r.log().droppedBytes() + " bytes dropped (" + r.log().problem() + ")")
        .print(spec.commandLine().getOut(), json.enabled());
    return r.identical() ? 0 : 1;
  }
}
