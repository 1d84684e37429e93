package io.ganglion.telemetry.command;

import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A board's command key: the shared secret of HMAC-SHA256 command signatures (16 to 64 bytes,
 * written as hex). Each board has its own key; the operator's tools hold the keys of the boards
 * they command. From a file ({@link #fromFile}, one hex line) or the environment variable
 * {@value #ENV_KEY}.
 */
public final class CommandKey {

  /** Environment variable holding a board's command key in hex. */
  public static final String ENV_KEY = "GANGLION_CMD_KEY";
  /** Shortest key accepted, in bytes. */
  public static final int MIN_BYTES = 16;

  private final byte[] key;

  private CommandKey(byte[] key) {
    if (key.length < MIN_BYTES || key.length > 64) {
      throw new InvalidInputException("command key has " + key.length + " bytes; use 16 to 64 random bytes ("
          + (MIN_BYTES * 2) + " to 128 hex digits), e.g. from 'openssl rand -hex 32'");
    }
    this.key = key.clone();
  }

  /** A key from its hex form. */
  public static CommandKey fromHex(String hex) {
    String h = hex == null ? "" : hex.trim();
    try {
      return new CommandKey(HexFormat.of().parseHex(h));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("command key is not hex (" + e.getMessage() + "); write it as hex digits, "
          + "e.g. from 'openssl rand -hex 32'");
    }
  }

  /** A key from a file holding its hex form (surrounding whitespace ignored). */
  public static CommandKey fromFile(Path file) {
    try {
      return fromHex(new String(Files.readAllBytes(file), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new InvalidInputException("cannot read command key file " + file + ": " + e.getMessage(), e);
    }
  }

  /** The key in {@value #ENV_KEY}. */
  public static CommandKey fromEnvironment(Map<String, String> env) {
    String hex = env.get(ENV_KEY);
    if (hex == null || hex.isBlank()) {
      throw new InvalidInputException("no command key: set " + ENV_KEY + " to the board's key in hex or give a key file");
    }
    return fromHex(hex);
  }

  /** A new random 32-byte key. */
  public static CommandKey generate(SecureRandom random) {
    byte[] k = new byte[32];
    random.nextBytes(k);
    return new CommandKey(k);
  }

  /** The hex form (to store in a file). */
  public String toHex() {
    return HexFormat.of().formatHex(key);
  }

  /** HMAC-SHA256 of {@code data} with this key. */
  public byte[] hmac(byte[] data, int offset, int length) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(data, offset, length);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }

  /** Never prints the key. */
  @Override
  public String toString() {
    return "CommandKey[" + key.length + " bytes]";
  }
}
