package io.ganglion.firmware.cli.support;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.broker.EmbeddedBroker;
import io.ganglion.telemetry.mqtt.MqttSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --broker URL|embedded} and the options that go with it. {@code embedded} starts an
 * in-process MQTT broker (Moquette) on 127.0.0.1 for the command's lifetime: handy for a local run
 * with nothing installed (other programs connect to the printed URL). Credentials and the TLS CA
 * file fall back to the environment ({@code GANGLION_MQTT_USERNAME}, {@code GANGLION_MQTT_PASSWORD},
 * {@code GANGLION_MQTT_CA_FILE}); a password is never taken on the command line.
 */
public final class BrokerOptions {

  @Option(names = "--broker", paramLabel = "URL", required = true,
      description = "MQTT broker: tcp://HOST:PORT, ssl://HOST:PORT, or 'embedded' to start one in this process.")
  String broker;

  @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "1883",
      description = "Port of --broker embedded on 127.0.0.1, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int embeddedPort;

  @Option(names = "--ca-file", paramLabel = "PEM",
      description = "CA certificate(s) to trust for an ssl:// broker (default: $GANGLION_MQTT_CA_FILE, else the JVM's trust store).")
  Path caFile;

  @Option(names = "--username", paramLabel = "NAME",
      description = "Broker user name (default: $GANGLION_MQTT_USERNAME); the password comes from $GANGLION_MQTT_PASSWORD.")
  String username;

  /** The broker URL as given. */
  public String broker() {
    return broker;
  }

  /** True for {@code --broker embedded}. */
  public boolean embedded() {
    return EmbeddedBroker.EMBEDDED.equals(broker);
  }

  /**
   * Starts the embedded broker when asked for, and resolves the settings for {@code clientId}.
   * Close the returned connection when the command ends (it stops the embedded broker).
   *
   * @param err where to say which embedded broker was started
   */
  public Connection open(String clientId, PrintWriter err) {
    return open(broker, embeddedPort, caFile, username, clientId, err);
  }

  /**
   * Starts the embedded broker when {@code broker} is {@code embedded}, and resolves the settings
   * (shared by the commands whose broker is optional).
   */
  public static Connection open(String broker, int embeddedPort, Path caFile, String username, String clientId,
      PrintWriter err) {
    EmbeddedBroker started = null;
    String url = broker;
    if (EmbeddedBroker.EMBEDDED.equals(broker)) {
      started = EmbeddedBroker.start(embeddedPort);
      url = started.url();
      err.println("ganglion: embedded MQTT broker at " + url + " (stops when this command ends)");
      err.flush();
    } else if (broker == null || broker.isBlank()) {
      throw new InvalidInputException("--broker is empty; give tcp://HOST:PORT, ssl://HOST:PORT or embedded");
    }
    try {
      return new Connection(MqttSettings.resolve(url, clientId, username, null, caFile, System.getenv()), started);
    } catch (RuntimeException e) {
      if (started != null) {
        started.close();
      }
      throw e;
    }
  }

  /**
   * Resolved broker settings and, for {@code embedded}, the broker this command started.
   *
   * @param settings how clients connect
   * @param embeddedBroker the in-process broker, or null
   */
  public record Connection(MqttSettings settings, EmbeddedBroker embeddedBroker) implements AutoCloseable {

    /** The URL clients connect to. */
    public String url() {
      return settings.serverUri();
    }

    /** Settings for another client id on the same broker. */
    public MqttSettings as(String clientId) {
      return settings.withClientId(clientId);
    }

    /** Stops the embedded broker, if any. */
    @Override
    public void close() {
      if (embeddedBroker != null) {
        embeddedBroker.close();
      }
    }
  }

  /** A client id unlikely to collide on a shared broker: {@code prefix-<pid>-<random hex>}. */
  public static String clientId(String prefix) {
    return prefix + "-" + ProcessHandle.current().pid() + "-"
        + Long.toHexString(new java.security.SecureRandom().nextLong() & 0xffffffL);
  }
}
