package io.ganglion.firmware.cli;

import io.ganglion.firmware.cli.support.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code ganglion} command: only lists and dispatches subcommands. */
@Command(
    name = "ganglion",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Ganglion: fixed-point neural controllers for bio-inspired robots, with their simulator and telemetry.",
    subcommands = {io.ganglion.firmware.cli.sim.SimCommand.class, io.ganglion.firmware.cli.bench.BenchCommand.class, io.ganglion.firmware.cli.fixedpoint.FixedPointCommand.class,
        io.ganglion.firmware.cli.motion.MotionCommand.class},
    footer = {"", "Run 'ganglion COMMAND --help' for the options of a command. Docs: docs/ in the source tree."})
public final class GanglionCommand implements Runnable {

  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin VerboseOption verbose;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }
}
