package io.ganglion.firmware.cli.telemetry;

import io.ganglion.firmware.cli.support.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ganglion telemetry}: record, replay and stress the MQTT telemetry of boards and simulations. */
@Command(
    name = "telemetry",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Record MQTT telemetry to a crash-safe log, replay a log to a broker, stress receivers with malformed payloads.",
    subcommands = {TelemetryRecordCommand.class, TelemetryReplayCommand.class, TelemetryFuzzCommand.class})
public final class TelemetryCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand (record, replay, fuzz)");
  }
}
