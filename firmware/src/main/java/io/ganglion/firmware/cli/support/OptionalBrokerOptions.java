package io.ganglion.firmware.cli.support;

import io.ganglion.drivers.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The broker of a command that publishes only when asked: {@code --broker URL|embedded}
 * (without it nothing is published), {@code --broker-port} of the embedded one, {@code --ca-file}
 * and {@code --username}. For commands whose broker is required: {@link BrokerOptions}.
 */
public final class OptionalBrokerOptions {

  @Option(names = "--broker", paramLabel = "URL",
      description = "Publish status, telemetry and events like a board: tcp://HOST:PORT, ssl://HOST:PORT or embedded.")
  String broker;

  @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "1883",
      description = "Port of --broker embedded (default: ${DEFAULT-VALUE}; 0: any free port).")
  int embeddedPort;

  @Option(names = "--ca-file", paramLabel = "PEM",
      description = "CA certificate(s) to trust for an ssl:// broker (default: $GANGLION_MQTT_CA_FILE, else the JVM's trust store).")
  Path caFile;

  @Option(names = "--username", paramLabel = "NAME",
      description = "Broker user name (default: $GANGLION_MQTT_USERNAME); the password comes from $GANGLION_MQTT_PASSWORD.")
  String username;

  /** True when a broker was given. */
  public boolean enabled() {
    return broker != null;
  }

  /**
   * Refuses options that only matter when publishing ({@code publishing}, plus this class's
   * {@code --broker-port}, {@code --ca-file} and {@code --username}) given without {@code
   * --broker}: one line, so that nobody believes a run published that did not.
   */
  public void requireBrokerFor(ParseResult given, String... publishing) {
    if (enabled()) {
      return;
    }
    String[] own = {"--broker-port", "--ca-file", "--username"};
    for (String[] names : new String[][] {publishing, own}) {
      for (String name : names) {
        if (given.hasMatchedOption(name)) {
          throw new InvalidInputException(name + " needs --broker URL|embedded (without it nothing is published)");
        }
      }
    }
  }

  /** Connects (starting the embedded broker if asked). */
  public BrokerOptions.Connection open(String clientId, PrintWriter err) {
    return BrokerOptions.open(broker, embeddedPort, caFile, username, clientId, err);
  }
}
