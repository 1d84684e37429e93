package io.ganglion.firmware.telemetry;

import io.ganglion.drivers.GanglionException;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.telemetry.command.CommandKey;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.TelemetryFormat;
import io.ganglion.telemetry.publish.BoardIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A board file's {@code telemetry} section (or a broker given on the command line) turned into a
 * running {@link BoardTelemetry}: broker URL, client id (default: the board id), credentials from the
 * environment variables the file names, the command key from {@code board_key_file}, and a status
 * whose {@code config_hash} is the SHA-256 of the board file (first 16 hex digits).
 */
public final class BoardPublishing {

  private BoardPublishing() {}

  /**
   * Starts publishing for {@code config}, or returns null when neither the file nor {@code brokerOverride} names a broker.
   *
   * @param brokerOverride a broker URL from the command line (replaces the file's URL; credentials and key still
   *     come from the file's section), or null
   */
  public static BoardTelemetry start(BoardConfig config, String brokerOverride, ControlLaw law, String firmwareVersion,
      LongSupplier clockMicros, Map<String, String> env) throws InterruptedException {
    return start(config, brokerOverride, true, law, firmwareVersion, clockMicros, env);
  }

  /**
   * Like {@link #start(BoardConfig, String, ControlLaw, String, LongSupplier, Map)}; {@code useFileBroker}
   * false ignores the file's section (a virtual-time run publishes only to a broker given explicitly).
   */
  public static BoardTelemetry start(BoardConfig config, String brokerOverride, boolean useFileBroker, ControlLaw law,
      String firmwareVersion, LongSupplier clockMicros, Map<String, String> env) throws InterruptedException {
    return start(config, brokerOverride, useFileBroker, law, firmwareVersion, clockMicros, env, 0);
  }

  /**
   * Like {@link #start(BoardConfig, String, boolean, ControlLaw, String, LongSupplier, Map)}; with
   * {@code brokerOverride} given and {@code connectWaitMillis > 0}, waits that long for the broker
   * and fails when it does not answer (a broker asked for on the command line must be there; the
   * board file's broker is connected in the background, so that a robot runs without it).
   *
   * @throws GanglionException when the explicitly given broker did not accept the connection in time
   */
  public static BoardTelemetry start(BoardConfig config, String brokerOverride, boolean useFileBroker, ControlLaw law,
      String firmwareVersion, LongSupplier clockMicros, Map<String, String> env, long connectWaitMillis)
      throws InterruptedException {
    var t = config.telemetry();
    String url = brokerOverride != null ? brokerOverride : t != null && useFileBroker ? t.brokerUrl().toString() : null;
    if (url == null) {
      return null;
    }
    String clientId = t != null && t.clientId() != null ? t.clientId() : "ganglion-" + config.boardId();
    String user = t != null && t.usernameEnv() != null ? env.get(t.usernameEnv()) : null;
    String pass = t != null && t.passwordEnv() != null ? env.get(t.passwordEnv()) : null;
    if (t != null && t.usernameEnv() != null && user == null) {
      System.err.println("ganglion: warning: telemetry.username_env names $" + t.usernameEnv()
          + ", which is not set: connecting anonymously");
      pass = null;
    }
    MqttSettings mqtt = MqttSettings.resolve(url, clientId, user, pass, null, env);
    CommandKey key = null;
    if (t != null && t.boardKeyFile() != null) {
      if (Files.isReadable(t.boardKeyFile())) {
        key = CommandKey.fromFile(t.boardKeyFile());
      } else {
        System.err.println("ganglion: warning: telemetry.board_key_file " + t.boardKeyFile()
            + " is not readable: commands are not accepted (create it, e.g. openssl rand -hex 32 > FILE)");
      }
    }
    BoardIdentity id = new BoardIdentity(config.boardId(), firmwareVersion, configHash(config), law.name());
    long wait = brokerOverride != null ? connectWaitMillis : 0;
    BoardTelemetry telemetry = BoardTelemetry.start(mqtt, id, config.jointCount(), config.jointCount(), config.imu() != null,
        List.of(), TelemetryFormat.BINARY, key, law, clockMicros, wait);
    if (wait > 0 && !telemetry.publisher().isConnected()) {
      String why = telemetry.publisher().lastConnectionError();
      telemetry.close();
      throw new GanglionException("cannot connect to the MQTT broker " + url + " within " + wait / 1000.0 + " s"
          + (why.isEmpty() ? "" : " (" + why + ")") + "; start it or fix --broker");
    }
    return telemetry;
  }

  /** {@code settings} with a telemetry task every {@code periodNanos}. */
  public static io.ganglion.firmware.core.FirmwareSettings withTelemetryPeriod(io.ganglion.firmware.core.FirmwareSettings s,
      long periodNanos) {
    return s.withTelemetryPeriod(periodNanos);
  }

  /** SHA-256 of the board file's bytes (first 16 hex digits), or of its id when it has no file. */
  static String configHash(BoardConfig config) {
    try {
      byte[] bytes = config.source() != null && Files.isRegularFile(config.source()) ? Files.readAllBytes(config.source())
          : config.boardId().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      return "unknown";
    }
  }
}
