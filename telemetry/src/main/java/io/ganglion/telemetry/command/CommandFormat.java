package io.ganglion.telemetry.command;

import java.nio.charset.StandardCharsets;

/**
 * The signed command payload on {@code robots/<board>/cmd/<verb>} (docs/telemetry.md):
 *
 * <pre>
 * {"v":1,"board":"b1","verb":"arm","ts_ms":1700000000000,"nonce":"3f9a0c2e71b84d56","args":{}}
 * hmac-sha256=&lt;64 lower-case hex digits&gt;
 * </pre>
 *
 * Line 1 is the body: one line of compact JSON. Line 2 is HMAC-SHA256 of exactly the body's
 * UTF-8 bytes (without the newline) under the board's {@link CommandKey}. One trailing newline is
 * tolerated. A shell can sign with {@code openssl dgst -sha256 -mac HMAC -macopt hexkey:KEY}.
 */
public final class CommandFormat {

  /** Body format version (member {@code v}). */
  public static final int VERSION = 1;
  /** Prefix of the signature line. */
  public static final String SIGNATURE_PREFIX = "hmac-sha256=";
  /** Largest command payload accepted. */
  public static final int MAX_PAYLOAD_BYTES = 16 * 1024;

  private CommandFormat() {}

  /** True for a valid nonce: 8..64 characters of {@code [A-Za-z0-9_-]}. */
  public static boolean isNonce(String s) {
    if (s == null || s.length() < 8 || s.length() > 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Body bytes + newline + signature line. */
  static byte[] join(byte[] body, String hexSignature) {
    byte[] sig = (SIGNATURE_PREFIX + hexSignature).getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[body.length + 1 + sig.length];
    System.arraycopy(body, 0, out, 0, body.length);
    out[body.length] = '\n';
    System.arraycopy(sig, 0, out, body.length + 1, sig.length);
    return out;
  }
}
