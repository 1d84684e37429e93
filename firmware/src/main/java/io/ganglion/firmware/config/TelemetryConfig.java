package io.ganglion.firmware.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * MQTT telemetry settings, parsed and validated here; the connection itself belongs to the
 * telemetry module. Credentials are never in the file: it names the environment variables that
 * hold them.
 *
 * @param brokerUrl {@code tcp://}, {@code ssl://}, {@code ws://} or {@code wss://} host and port
 * @param clientId MQTT client id (defaults to the board id)
 * @param usernameEnv environment variable holding the user name, or null
 * @param passwordEnv environment variable holding the password, or null
 * @param boardKeyFile the board's key for authenticating commands (resolved against the config's
 *     directory), or null
 */
public record TelemetryConfig(URI brokerUrl, String clientId, String usernameEnv, String passwordEnv,
    Path boardKeyFile) {}
