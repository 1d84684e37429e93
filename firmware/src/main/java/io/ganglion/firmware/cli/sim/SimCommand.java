package io.ganglion.firmware.cli.sim;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ganglion sim}: headless simulations. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    versionProvider = io.ganglion.firmware.cli.support.VersionProvider.class,
    description = "Run headless simulations of a robot and its controller.",
    subcommands = {SimSwimmerCommand.class, SimNavigateCommand.class})
public final class SimCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing simulation: choose one of " + spec.subcommands().keySet());
  }
}
