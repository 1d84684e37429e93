package io.ganglion.firmware.cli.telemetry;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.BrokerOptions;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.ticklog.TickLogs;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.telemetry.record.TelemetryReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ganglion telemetry replay}: republish a recorded log. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Republish a telemetry log (from 'ganglion telemetry record') to a broker: every message on its topic with its",
      "QoS and retain flag, spaced like the recording divided by --speed. Command messages are skipped unless",
      "--include-commands. A torn tail is reported and not replayed."
    },
    footer = {"", "Examples:",
      "  ganglion telemetry replay b1.glog --broker tcp://127.0.0.1:1883",
      "  ganglion telemetry replay b1.glog --broker tcp://127.0.0.1:1883 --speed 0 --json"})
public final class TelemetryReplayCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "FILE", description = "The log to replay.")
  Path file;

  @Mixin BrokerOptions brokerOptions;

  @Option(names = "--speed", paramLabel = "X", defaultValue = "1",
      description = "Time scale: 1 = as recorded, 10 = ten times faster, 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
  double speed;

  @Option(names = "--include-commands", description = "Also republish robots/<board>/cmd/... messages (boards refuse them as stale or replayed).")
  boolean includeCommands;

  @Mixin JsonOption json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("log " + file + " does not exist or is not a file");
    }
    if (TickLogs.isTickLog(file)) {
      throw new InvalidInputException(file + " is a tick log (ganglion run --record), not telemetry; use ganglion replay "
          + file);
    }
    TelemetryReplayer.Options options = new TelemetryReplayer.Options(speed, includeCommands);
    try (BrokerOptions.Connection broker = brokerOptions.open(BrokerOptions.clientId("ganglion-replay"),
        spec.commandLine().getErr())) {
      TelemetryReplayer.Report r = TelemetryReplayer.replay(file, broker.settings(), options);
      if (!r.log().clean()) {
        spec.commandLine().getErr().println("ganglion: " + file + " ends with a torn tail: " + r.log().droppedBytes()
            + " bytes not replayed (" + r.log().problem() + ")");
      }
      new Summary()
          .put("file", file.toString())
          .put("broker", broker.url())
          .put("published", r.published())
          .put("skipped_commands", r.skipped())
          .put("log_records", r.log().records())
          .put("torn_tail_bytes", r.log().droppedBytes())
          .put("elapsed_ms", r.elapsedMillis())
          .put("speed", speed)
          .line("replayed %d messages of %s to %s in %.2f s (speed %s)", r.published(), file, broker.url(),
              r.elapsedMillis() / 1000.0, speed == 0 ? "max" : String.valueOf(speed))
          .line("  skipped %d command messages%s", r.skipped(),
              r.log().clean() ? "" : ", torn tail of " + r.log().droppedBytes() + " bytes not replayed")
          .print(spec.commandLine().getOut(), json.enabled());
      return 0;
    }
  }
}
