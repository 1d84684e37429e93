package io.ganglion.firmware.cli.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The {@code config_hash} a publishing command puts in its status: the first 8 bytes of SHA-256 of its description, in hex. */
public final class ConfigHash {

  private ConfigHash() {}

  public static String of(String description) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(description.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
