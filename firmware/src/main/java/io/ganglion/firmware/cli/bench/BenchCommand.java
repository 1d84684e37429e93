package io.ganglion.firmware.cli.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ganglion bench}: measurements against a baseline, side by side in one run. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = io.ganglion.firmware.cli.support.VersionProvider.class,
    description = "Benchmarks against a baseline run side by side in the same process run (see docs/benchmarks.md).",
    subcommands = {BenchSwimmerCommand.class, BenchMotionCommand.class})
public final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing benchmark: choose one of " + spec.subcommands().keySet());
  }
}
