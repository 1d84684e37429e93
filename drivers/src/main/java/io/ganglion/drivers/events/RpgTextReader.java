package io.ganglion.drivers.events;

import io.ganglion.drivers.InvalidInputException;
import java.io.InputStream;

/**
 * Reads the RPG text format (Mueggler et al., the Event Camera Dataset): one event per line,
 * {@code t x y p}, t in seconds (decimal, exponent allowed; rounded to the microsecond), x and y
 * as written (no flip), p = 1 ON, 0 or -1 OFF. Fields are separated by spaces, tabs or commas;
 * blank lines and lines starting with {@code #} are skipped ({@link SkipReason#COMMENT}).
 *
 * <p>Sensor size: the config's; else a first line of exactly two integers {@code width height}
 * (the rpg_e2vid convention); else unknown, and {@link EventReaderStats#observedSize()} gives the
 * size seen so far (coordinates up to 65535 are accepted). Errors name the line number.
 */
final class RpgTextReader extends AbstractEventReader {

  private static final int COORD_LIMIT = 1 << 16;

  private long lineNumber;

  private RpgTextReader(ByteChunkInput in, String sourceName, EventReaderConfig config, SensorSize declared,
      long linesConsumed, long commentLines) {
    super(EventFormat.TEXT, in, sourceName, config, declared, "the 'width height' first line", COORD_LIMIT,
        COORD_LIMIT);
    this.lineNumber = linesConsumed;
    stats.skip(SkipReason.COMMENT, commentLines);
  }

  static RpgTextReader open(InputStream stream, String sourceName, EventReaderConfig config) {
    ByteChunkInput in = new ByteChunkInput(stream, config.readBufferBytes(), sourceName);
    long lines = 0;
    long comments = 0;
    SensorSize declared = SensorSize.UNKNOWN;
    while (true) {
      int end = in.findLineEnd();
      if (end < 0) {
        break;
      }
      int start = skipSeparators(in.buf, in.pos, end);
      int stop = trimEnd(in.buf, start, end);
      if (start == stop || in.buf[start] == '#') {
        comments++;
      } else {
        int space = start;
        while (space < stop && !isSeparator(in.buf[space])) {
          space++;
        }
        int second = skipSeparators(in.buf, space, stop);
        int w = parseInt(in.buf, start, space);
        int h = second < stop ? parseInt(in.buf, second, stop) : -1;
        if (w <= 0 || h <= 0) {
          break;
        }
        declared = new SensorSize(w, h);
      }
      in.pos = end < in.limit ? end + 1 : end;
      lines++;
      if (declared.isKnown()) {
        break;
      }
    }
    return new RpgTextReader(in, sourceName, config, declared, lines, comments);
  }

  @Override
  public int read(EventBuffer dest) {
    final int cap = dest.capacity();
    final int[] xs = dest.x;
    final int[] ys = dest.y;
    final long[] ts = dest.tUs;
    final byte[] ps = dest.polarity;
    final EventGuard g = guard;
    int n = 0;
    while (n < cap) {
      int next = parsePlainLine(in.buf, in.pos, in.limit);
      if (next >= 0) {
        in.pos = next;
        lineNumber++;
      } else {
        int status = parseAnyLine();
        if (status < 0) {
          break;
        }
        if (status == 0) {
          continue;
        }
      }
      long accepted = g.accept(lineX, lineY, lineT);
      if (accepted < 0) {
        throw new InvalidInputException(sourceName() + ": line " + lineNumber + ": "
            + (accepted == EventGuard.OUT_OF_BOUNDS ? g.outOfBoundsMessage(lineX, lineY) : g.backwardsMessage(lineT)));
      }
      xs[n] = lineX;
      ys[n] = lineY;
      ts[n] = accepted;
      ps[n] = (byte) lineP;
      n++;
    }
    return finish(dest, n);
  }

  // the fields of the line just parsed
  private long lineT;
  private int lineX;
  private int lineY;
  private int lineP;

  /**
   * Fast path for the common line "SECONDS[.FRACTION] X Y P\n" (single spaces, P 0 or 1, optional
   * '\r'), entirely inside {@code b[p..lim)}: stores its fields and returns the index after its
   * '\n', or returns -1 so that {@link #parseAnyLine} handles it (other layouts, errors, a line cut
   * by the buffer end).
   */
  private int parsePlainLine(byte[] b, int p, int lim) {
    long mant = 0;
    int digits = 0;
    int frac = 0;
    boolean dot = false;
    int c = -1;
    while (p < lim) {
      c = b[p];
      if (c >= '0' && c <= '9') {
        mant = mant * 10 + (c - '0');
        digits++;
        if (dot) {
          frac++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        break;
      }
      p++;
    }
    if (c != ' ' || digits == 0 || digits > 18 || p >= lim) {
      return -1;
    }
    long t = DecimalSeconds.microsOf(mant, frac);
    if (t < 0) {
      return -1;
    }
    int x = 0;
    int xDigits = 0;
    while (++p < lim && (c = b[p] - '0') >= 0 && c <= 9) {
      x = x * 10 + c;
      xDigits++;
    }
    if (xDigits == 0 || xDigits > 9 || p >= lim || b[p] != ' ') {
      return -1;
    }
    int y = 0;
    int yDigits = 0;
    while (++p < lim && (c = b[p] - '0') >= 0 && c <= 9) {
      y = y * 10 + c;
      yDigits++;
    }
    if (yDigits == 0 || yDigits > 9 || p + 2 >= lim || b[p] != ' ') {
      return -1;
    }
    int pol = b[p + 1] - '0';
    p += 2;
    if ((pol & ~1) != 0) {
      return -1;
    }
    if (b[p] == '\r' && p + 1 < lim) {
      p++;
    }
    if (b[p] != '\n') {
      return -1;
    }
    lineT = t;
    lineX = x;
    lineY = y;
    lineP = pol;
    return p + 1;
  }

  /**
   * The general line parser: reads more input as needed, skips comments, accepts any separators,
   * exponents and -1 polarities, and throws naming the line on malformed input.
   *
   * @return 1 for an event (in the line fields), 0 for a skipped line, -1 at the end of the input
   */
  private int parseAnyLine() {
    int end = in.findLineEnd();
    if (end < 0) {
      return -1;
    }
    final byte[] b = in.buf;
    final int lineStart = in.pos;
    int next = end < in.limit ? end + 1 : end;
    lineNumber++;
    int stop = trimEnd(b, lineStart, end);
    int i = skipSeparators(b, lineStart, stop);
    if (i == stop || b[i] == '#') {
      stats.skip(SkipReason.COMMENT);
      in.pos = next;
      return 0;
    }
    // field 1: t in seconds
    int f = fieldEnd(b, i, stop);
    long t = DecimalSeconds.parseMicros(b, i, f);
    if (t < 0) {
      throw lineError(lineStart, stop, t == DecimalSeconds.NEGATIVE ? "negative time"
          : t == DecimalSeconds.TOO_LARGE ? "time too large" : "the time (seconds) is not a number");
    }
    // field 2: x
    i = skipSeparators(b, f, stop);
    f = fieldEnd(b, i, stop);
    int x = parseInt(b, i, f);
    // field 3: y
    i = skipSeparators(b, f, stop);
    f = fieldEnd(b, i, stop);
    int y = parseInt(b, i, f);
    // field 4: p
    i = skipSeparators(b, f, stop);
    f = fieldEnd(b, i, stop);
    int p = parsePolarity(b, i, f);
    if (x < 0 || y < 0 || p < 0 || skipSeparators(b, f, stop) != stop) {
      throw lineError(lineStart, stop, describe(x, y, p));
    }
    lineT = t;
    lineX = x;
    lineY = y;
    lineP = p;
    in.pos = next;
    return 1;
  }

  private static String describe(int x, int y, int p) {
    if (x == MISSING || y == MISSING || p == MISSING) {
      return "expected 4 fields 't x y p', found fewer";
    }
    if (x < 0 || y < 0) {
      return "x and y must be whole numbers >= 0";
    }
    if (p < 0) {
      return "the polarity must be 1 (ON), 0 or -1 (OFF)";
    }
    return "expected 4 fields 't x y p', found more";
  }

  private InvalidInputException lineError(int lineStart, int stop, String what) {
    int shown = Math.min(stop - lineStart, 80);
    // the line as written, on one line: a '\r' inside it (CR-only line ends) or binary bytes escaped
    StringBuilder text = new StringBuilder(shown + 16);
    for (int i = lineStart; i < lineStart + shown; i++) {
      int c = in.buf[i] & 0xFF;
      if (c == '\r') {
        text.append("\\r");
      } else if (c < 0x20 && c != '\t' || c >= 0x7F) {
        text.append(String.format("\\x%02x", c));
      } else {
        text.append((char) c);
      }
    }
    return new InvalidInputException(sourceName() + ": line " + lineNumber + ": " + what + " in '" + text + "'");
  }

  private static final int MISSING = -2;

  private static boolean isSeparator(byte c) {
    return c == ' ' || c == '\t' || c == ',';
  }

  private static int skipSeparators(byte[] b, int i, int stop) {
    while (i < stop && isSeparator(b[i])) {
      i++;
    }
    return i;
  }

  private static int fieldEnd(byte[] b, int i, int stop) {
    while (i < stop && !isSeparator(b[i])) {
      i++;
    }
    return i;
  }

  private static int trimEnd(byte[] b, int start, int end) {
    while (end > start && (b[end - 1] == '\r' || b[end - 1] == ' ' || b[end - 1] == '\t')) {
      end--;
    }
    return end;
  }

  /** A whole number 0..999,999,999; {@link #MISSING} for an empty field; -1 if malformed. */
  private static int parseInt(byte[] b, int start, int end) {
    if (start == end) {
      return MISSING;
    }
    if (end - start > 9) {
      return -1;
    }
    int v = 0;
    for (int i = start; i < end; i++) {
      int c = b[i] - '0';
      if (c < 0 || c > 9) {
        return -1;
      }
      v = v * 10 + c;
    }
    return v;
  }

  /** "1" -> 1; "0" or "-1" -> 0; {@link #MISSING} for an empty field; -1 otherwise. */
  private static int parsePolarity(byte[] b, int start, int end) {
    int len = end - start;
    if (len == 0) {
      return MISSING;
    }
    if (len == 1 && (b[start] == '0' || b[start] == '1')) {
      return b[start] - '0';
    }
    if (len == 2 && b[start] == '-' && b[start + 1] == '1') {
      return 0;
    }
    return -1;
  }
}
