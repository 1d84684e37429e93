package io.ganglion.firmware.cli.support;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.command.CommandKey;
import io.ganglion.telemetry.protocol.Names;
import io.ganglion.telemetry.protocol.TelemetryFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Options of a simulation that publishes like a board: the {@link OptionalBrokerOptions} (without
 * {@code --broker} nothing is published), {@code --board ID} (default {@code sim}), {@code
 * --telemetry-format binary|json}, a command key ({@code --key-file}, else {@code GANGLION_CMD_KEY})
 * and {@code --pace} (simulated seconds per wall second; 0 = as fast as possible).
 */
public final class PublishOptions {

  @Mixin OptionalBrokerOptions broker;

  @Option(names = "--board", paramLabel = "ID", defaultValue = "sim",
      description = "Board id the simulation publishes as: robots/ID/... (default: ${DEFAULT-VALUE}).")
  String board;

  @Option(names = "--telemetry-format", paramLabel = "FMT", defaultValue = "binary",
      description = "Telemetry payloads: binary or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--key-file", paramLabel = "FILE",
      description = "The board's command key (hex) to accept signed commands on robots/ID/cmd/+ (default: $GANGLION_CMD_KEY; none: no commands).")
  Path keyFile;

  @Option(names = "--pace", paramLabel = "X", defaultValue = "0",
      description = "Simulated seconds per wall-clock second: 1 = real time (to watch it), 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
  double pace;

  /** True when a broker was given. */
  public boolean enabled() {
    return broker.enabled();
  }

  /** Checks the options (call before starting anything); {@code given}: the command's parse result. */
  public void validate(picocli.CommandLine.ParseResult given) {
    Names.requireBoardId(board);
    TelemetryFormat.parse(format);
    if (!(pace >= 0 && pace <= 1e6)) {
      throw new InvalidInputException("--pace must be >= 0 (0: as fast as possible, 1: real time), got " + pace);
    }
    broker.requireBrokerFor(given, "--board", "--telemetry-format", "--key-file", "--pace");
  }

  public String board() {
    return board;
  }

  public TelemetryFormat format() {
    return TelemetryFormat.parse(format);
  }

  /** Simulated seconds per wall second (0: unpaced). */
  public double pace() {
    return pace;
  }

  /** The command key from --key-file or the environment, or null. */
  public CommandKey key() {
    if (keyFile != null) {
      return CommandKey.fromFile(keyFile);
    }
    String env = System.getenv(CommandKey.ENV_KEY);
    return env == null || env.isBlank() ? null : CommandKey.fromEnvironment(System.getenv());
  }

  /** Connects (starting the embedded broker if asked). */
  public BrokerOptions.Connection open(String clientId, PrintWriter err) {
    return broker.open(clientId, err);
  }
}
