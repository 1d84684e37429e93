package io.ganglion.firmware.cli.fixedpoint;

import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.firmware.cli.support.Summary;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ganglion fixed-point}: tools for the fixed-point core (controllers' {@code io.ganglion.controllers.fixed}). */
@Command(
    name = "fixed-point",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Tools for the fixed-point core (Q16.16, phases, exp/sigmoid/tanh tables). See docs/fixed-point.md.",
    subcommands = {FixedPointErrorsCommand.class})
public final class FixedPointCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command");
  }
}
