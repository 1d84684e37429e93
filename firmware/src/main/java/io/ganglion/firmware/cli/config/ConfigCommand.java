package io.ganglion.firmware.cli.config;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ganglion config}: board files. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Work with board configuration files.",
    subcommands = {ConfigCheckCommand.class})
public final class ConfigCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: choose one of " + spec.subcommands().keySet());
  }
}
