package io.ganglion.firmware.cli.hil;

import io.ganglion.firmware.cli.support.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ganglion hil}: hardware-in-the-loop over MQTT (the simulator side, and a lock-step benchmark). */
@Command(
    name = "hil",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Hardware-in-the-loop over MQTT: lock-step sensor/actuator exchange between a simulator and a board.",
    subcommands = {HilServeCommand.class, HilBenchCommand.class})
public final class HilCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (serve, bench)");
  }
}
