package io.ganglion.telemetry.mqtt;

import io.ganglion.drivers.InvalidInputException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Objects;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

/**
 * How to reach a broker: URL ({@code tcp://host:port} or {@code ssl://host:port}), client id,
 * optional credentials and, for TLS, an optional PEM CA file (otherwise the JVM's trust store).
 * Immutable; validated at construction, where the TLS socket factory is also built (once: a CA file
 * that is not PEM is an input error when the settings are made, not a failure of every connection
 * attempt on a link thread).
 *
 * <p>Credentials come from the configuration or, when it has none, from the environment:
 * {@value #ENV_USERNAME}, {@value #ENV_PASSWORD} and {@value #ENV_CA_FILE} (see {@link
 * #resolve}).
 *
 * @param serverUri {@code tcp://host[:port]} or {@code ssl://host[:port]}
 * @param clientId the MQTT client id (unique per broker)
 * @param username null for anonymous
 * @param password null for none (needs a username)
 * @param caFile PEM file of the CA certificate(s) to trust for {@code ssl://}; null: the JVM default
 * @param keepAliveSeconds MQTT keep-alive (also how fast the broker notices a dead client and
 *     publishes its last will: about 1.5 x this)
 * @param connectTimeoutSeconds how long a connection attempt may take
 */
public final class MqttSettings {

  /** Environment variable with the broker user name. */
  public static final String ENV_USERNAME = "GANGLION_MQTT_USERNAME";
  /** Environment variable with the broker password. */
  public static final String ENV_PASSWORD = "GANGLION_MQTT_PASSWORD";
  /** Environment variable with the PEM CA file for {@code ssl://} brokers. */
  public static final String ENV_CA_FILE = "GANGLION_MQTT_CA_FILE";
  /** Default keep-alive in seconds. */
  public static final int DEFAULT_KEEP_ALIVE_SECONDS = 10;
  /** Default connect timeout in seconds. */
  public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;

  private final String serverUri;
  private final String clientId;
  private final String username;
  private final String password;
  private final Path caFile;
  private final int keepAliveSeconds;
  private final int connectTimeoutSeconds;
  /** TCP_NODELAY sockets: plain, or TLS trusting {@link #caFile} (else the JVM's trust store). */
  private final SocketFactory socketFactory;

  /**
   * Validates every component (one-line messages that say how to fix them) and, for {@code ssl://},
   * builds the TLS socket factory (reading and parsing the CA file).
   */
  public MqttSettings(String serverUri, String clientId, String username, String password, Path caFile,
      int keepAliveSeconds, int connectTimeoutSeconds) {
    this(serverUri, clientId, username, password, caFile, keepAliveSeconds, connectTimeoutSeconds, null);
  }

  /** {@code reuse}: the factory of settings with the same URL and CA file, or null to build one. */
  private MqttSettings(String serverUri, String clientId, String username, String password, Path caFile,
      int keepAliveSeconds, int connectTimeoutSeconds, SocketFactory reuse) {
    validateUri(serverUri);
    if (clientId == null || clientId.isEmpty() || clientId.length() > 65_535) {
      throw new InvalidInputException("MQTT client id is empty; give each client a unique id");
    }
    if (password != null && username == null) {
      throw new InvalidInputException("an MQTT password is set without a user name; set " + ENV_USERNAME + " or the config's username too");
    }
    if (caFile != null) {
      if (!serverUri.startsWith("ssl://")) {
        throw new InvalidInputException("a CA file (" + caFile + ") only applies to ssl:// brokers, but the broker URL is " + serverUri);
      }
      if (!Files.isReadable(caFile)) {
        throw new InvalidInputException("CA file " + caFile + " does not exist or is not readable; give a PEM file with the broker's CA certificate");
      }
    }
    if (keepAliveSeconds < 1 || keepAliveSeconds > 65_535) {
      throw new InvalidInputException("MQTT keep-alive " + keepAliveSeconds + " s is out of range; use 1..65535");
    }
    if (connectTimeoutSeconds < 1 || connectTimeoutSeconds > 600) {
      throw new InvalidInputException("MQTT connect timeout " + connectTimeoutSeconds + " s is out of range; use 1..600");
    }
    this.serverUri = serverUri;
    this.clientId = clientId;
    this.username = username;
    this.password = password;
    this.caFile = caFile;
    this.keepAliveSeconds = keepAliveSeconds;
    this.connectTimeoutSeconds = connectTimeoutSeconds;
    this.socketFactory = reuse != null ? reuse : socketFactory(serverUri, caFile);
  }

  private static SocketFactory socketFactory(String serverUri, Path caFile) {
    if (!serverUri.startsWith("ssl://")) {
      return NoDelaySocketFactory.plain();
    }
    return NoDelaySocketFactory.tls(caFile != null ? PemTrust.socketFactory(caFile)
        : (SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /** Anonymous settings with the default timeouts. */
  public static MqttSettings of(String serverUri, String clientId) {
    return new MqttSettings(serverUri, clientId, null, null, null, DEFAULT_KEEP_ALIVE_SECONDS, DEFAULT_CONNECT_TIMEOUT_SECONDS);
  }

  /**
   * Settings from explicit values, each falling back to the environment when null: {@value
   * #ENV_USERNAME}, {@value #ENV_PASSWORD}, {@value #ENV_CA_FILE}.
   *
   * @param env the environment ({@code System.getenv()} in production)
   */
  public static MqttSettings resolve(String serverUri, String clientId, String username, String password, Path caFile,
      Map<String, String> env) {
    String user = username != null ? username : blankToNull(env.get(ENV_USERNAME));
    String pass = password != null ? password : blankToNull(env.get(ENV_PASSWORD));
    Path ca = caFile;
    if (ca == null && serverUri != null && serverUri.startsWith("ssl://") && blankToNull(env.get(ENV_CA_FILE)) != null) {
      ca = Paths.get(env.get(ENV_CA_FILE));
    }
    return new MqttSettings(serverUri, clientId, user, pass, ca, DEFAULT_KEEP_ALIVE_SECONDS, DEFAULT_CONNECT_TIMEOUT_SECONDS);
  }

  /** A copy with user name and password. */
  public MqttSettings withCredentials(String user, String pass) {
    return new MqttSettings(serverUri, clientId, user, pass, caFile, keepAliveSeconds, connectTimeoutSeconds, socketFactory);
  }

  /** A copy trusting the CA certificates in the PEM file {@code pem}. */
  public MqttSettings withCaFile(Path pem) {
    return new MqttSettings(serverUri, clientId, username, password, pem, keepAliveSeconds, connectTimeoutSeconds);
  }

  /** A copy with another client id. */
  public MqttSettings withClientId(String id) {
    return new MqttSettings(serverUri, id, username, password, caFile, keepAliveSeconds, connectTimeoutSeconds,
        socketFactory);
  }

  /** A copy with another keep-alive. */
  public MqttSettings withKeepAliveSeconds(int seconds) {
    return new MqttSettings(serverUri, clientId, username, password, caFile, seconds, connectTimeoutSeconds, socketFactory);
  }

  /** True for {@code ssl://}. */
  public boolean isTls() {
    return serverUri.startsWith("ssl://");
  }

  /**
   * Paho connect options: clean session, no automatic reconnect (the caller owns reconnection),
   * credentials, TCP_NODELAY sockets, and for {@code ssl://} with a CA file a socket factory
   * trusting only that CA (else the JVM's trust store), built with these settings. Never throws.
   */
  public MqttConnectOptions connectOptions() {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setCleanSession(true);
    o.setAutomaticReconnect(false);
    o.setKeepAliveInterval(keepAliveSeconds);
    o.setConnectionTimeout(connectTimeoutSeconds);
    o.setMaxInflight(1000);
    if (username != null) {
      o.setUserName(username);
    }
    if (password != null) {
      o.setPassword(password.toCharArray());
    }
    o.setSocketFactory(socketFactory);
    return o;
  }

  /** {@code tcp://host[:port]} or {@code ssl://host[:port]}. */
  public String serverUri() {
    return serverUri;
  }

  /** The MQTT client id (unique per broker). */
  public String clientId() {
    return clientId;
  }

  /** Null for anonymous. */
  public String username() {
    return username;
  }

  /** Null for none. */
  public String password() {
    return password;
  }

  /** PEM file of the CA certificate(s) to trust for {@code ssl://}; null: the JVM default. */
  public Path caFile() {
    return caFile;
  }

  /** MQTT keep-alive, s. */
  public int keepAliveSeconds() {
    return keepAliveSeconds;
  }

  /** How long a connection attempt may take, s. */
  public int connectTimeoutSeconds() {
    return connectTimeoutSeconds;
  }

  /** Equal when every setting is (the socket factory follows from the URL and the CA file). */
  @Override
  public boolean equals(Object o) {
    return o instanceof MqttSettings m && serverUri.equals(m.serverUri) && clientId.equals(m.clientId)
        && Objects.equals(username, m.username) && Objects.equals(password, m.password) && Objects.equals(caFile, m.caFile)
        && keepAliveSeconds == m.keepAliveSeconds && connectTimeoutSeconds == m.connectTimeoutSeconds;
  }

  @Override
  public int hashCode() {
    return Objects.hash(serverUri, clientId, username, password, caFile, keepAliveSeconds, connectTimeoutSeconds);
  }

  /** The settings, with the password masked. */
  @Override
  public String toString() {
    return "MqttSettings[" + serverUri + ", clientId=" + clientId + ", user=" + username
        + (password != null ? ", password=***" : "") + (caFile != null ? ", ca=" + caFile : "") + "]";
  }

  /**
   * Checks a broker URL as these settings do: {@code tcp://} or {@code ssl://} (lower case), a host,
   * a port 1..65535 or none, no path or query; an {@link InvalidInputException} with one line
   * saying what is wrong otherwise. Board-file checks use it, so that they accept only what a
   * connection accepts.
   */
  public static void validateUri(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new InvalidInputException("no broker URL; give tcp://HOST:PORT or ssl://HOST:PORT");
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new InvalidInputException("broker URL '" + uri + "' is not a URL; give tcp://HOST:PORT or ssl://HOST:PORT");
    }
    String scheme = parsed.getScheme();
    if (scheme == null) {
      throw new InvalidInputException("broker URL '" + uri + "' has no scheme; give tcp://HOST:PORT or ssl://HOST:PORT");
    }
    if (!"tcp".equals(scheme) && !"ssl".equals(scheme)) {
      throw new InvalidInputException("broker URL '" + uri + "' has scheme '" + scheme + "'; use tcp:// or ssl://");
    }
    if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
      throw new InvalidInputException("broker URL '" + uri + "' has no host; give tcp://HOST:PORT");
    }
    if (parsed.getPort() == 0 || parsed.getPort() > 65_535 || parsed.getPort() < -1) {
      throw new InvalidInputException("broker URL '" + uri + "' has port " + parsed.getPort() + "; use 1..65535");
    }
    String path = parsed.getRawPath();
    if ((path != null && !path.isEmpty()) || parsed.getRawQuery() != null) {
      throw new InvalidInputException("broker URL '" + uri + "' has a path or query; give only tcp://HOST:PORT");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
