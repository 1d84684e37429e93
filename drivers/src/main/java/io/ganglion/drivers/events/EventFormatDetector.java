package io.ganglion.drivers.events;

import io.ganglion.drivers.InvalidInputException;
import java.util.Locale;

/**
 * Tells the format of an event file from its first bytes and its name, in this order:
 * <ol>
 *   <li>magic: {@code #!AER-DAT} -&gt; AEDAT (2.x accepted, other versions rejected); a Prophesee
 *       {@code "% "} header -&gt; EVT 2.0 (a Prophesee DAT header, "% Data file containing", is
 *       rejected);
 *   <li>extension: .raw -&gt; evt2, .aedat/.aedat2/.dat -&gt; aedat2, .txt/.csv -&gt; txt, .bin -&gt; nmnist;
 *   <li>content: printable text whose first data line has four numeric fields -&gt; txt.
 * </ol>
 * Anything else is an {@link InvalidInputException} asking for an explicit format.
 */
public final class EventFormatDetector {

  /** How many leading bytes {@link #detect} wants to see. */
  public static final int HEAD_BYTES = 512;

  private EventFormatDetector() {}

  /**
   * The format of a file whose first {@code n} bytes are {@code head} and whose name is {@code name}.
   */
  public static EventFormat detect(byte[] head, int n, String name) {
    if (n == 0) {
      throw new InvalidInputException(name + ": the file is empty, so its event format cannot be detected");
    }
    String start = new String(head, 0, Math.min(n, HEAD_BYTES), java.nio.charset.StandardCharsets.ISO_8859_1);
    if (start.startsWith("#!AER-DAT")) {
      String version = start.substring(9, Math.min(start.length(), 12));
      if (version.startsWith("2.")) {
        return EventFormat.AEDAT2;
      }
      throw new InvalidInputException(name + ": AEDAT version '" + version.trim()
          + "' is not supported; only AEDAT 2.0 (convert it, e.g. with jAER or dv)");
    }
    if (start.startsWith("% ")) {
      if (start.startsWith("% Data file containing")) {
        throw new InvalidInputException(name + ": this is a Prophesee DAT file; only RAW EVT 2.0 is supported");
      }
      return EventFormat.EVT2;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".raw")) {
      return EventFormat.EVT2;
    }
    if (lower.endsWith(".aedat") || lower.endsWith(".aedat2") || lower.endsWith(".dat")) {
      return EventFormat.AEDAT2;
    }
    if (lower.endsWith(".txt") || lower.endsWith(".csv")) {
      return EventFormat.TEXT;
    }
    if (lower.endsWith(".bin")) {
      return EventFormat.NMNIST;
    }
    if (looksLikeEventText(start)) {
      return EventFormat.TEXT;
    }
    throw new InvalidInputException(name + ": cannot tell the event format (no known header, extension or text"
        + " layout); pass --format evt2|aedat2|txt|nmnist");
  }

  /** Printable text whose first non-comment line has four numeric fields. */
  static boolean looksLikeEventText(String start) {
    for (int i = 0; i < start.length(); i++) {
      char c = start.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c > 0x7E) {
        return false;
      }
    }
    for (String line : start.split("\n")) {
      String t = line.trim();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] f = t.split("[ \t,]+");
      if (f.length != 4) {
        return false;
      }
      for (String field : f) {
        if (!field.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?")) {
          return false;
        }
      }
      return true;
    }
    return false;
  }
}
