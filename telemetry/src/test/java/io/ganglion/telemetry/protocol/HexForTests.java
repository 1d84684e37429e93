package io.ganglion.telemetry.protocol;

/** Space-separated lower-case hex, as in docs/telemetry.md. */
public final class HexForTests {

  private HexForTests() {}

  public static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(String.format("%02x", bytes[i] & 0xFF));
    }
    return sb.toString();
  }
}
