package io.ganglion.drivers.events;

import io.ganglion.drivers.InvalidInputException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * Reads iniVation/jAER AEDAT 2.0 files from a DAVIS240: ASCII header lines starting with {@code #}
 * (the first is {@code #!AER-DAT2.0}); data starts after jAER's last header line {@code #End Of
 * ASCII Header} if there is one, else at the first line that does not start with {@code #}. Then
 * 8-byte records: big-endian int32 address, big-endian int32 timestamp (us).
 *
 * <pre>
 *   DVS event (bit31 = 0, bit10 = 0): y_raw = a[30:22], x_raw = a[21:12], polarity = a[11] (1 = ON)
 *     image coordinates: x = W - 1 - x_raw (jAER's x), y = H - 1 - y_raw (y_raw = 0 is the bottom row)
 *   special event (bit31 = 0, bit10 = 1)       -> skipped, {@link SkipReason#SPECIAL}
 *   IMU word (bit31 = 1, a[11:10] = 0b11)       -> skipped, {@link SkipReason#IMU} (7 words per sample)
 *   APS sample (bit31 = 1, bit11 = 0)           -> skipped, {@link SkipReason#APS}
 *   other (bit31 = 1, a[11:10] = 0b10)          -> skipped, {@link SkipReason#OTHER_TYPE}
 * </pre>
 * W x H is 240 x 180. A header naming a chip other than a DAVIS240 ({@code # AEChip: ...}) is
 * rejected unless a sensor size is forced in the config. Timestamps are read as unsigned 32-bit
 * and unwrapped past the 2^32 us rollover.
 */
final class Aedat2Reader extends AbstractEventReader {

  /** The DAVIS240 pixel array. */
  static final SensorSize DAVIS240 = new SensorSize(240, 180);

  private static final VarHandle BE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final long HALF_RANGE = 1L << 31;

  private final int xMax;
  private final int yMax;
  private long lastRawT = -1;
  private long epochUs;

  private Aedat2Reader(ByteChunkInput in, String sourceName, EventReaderConfig config) {
    super(EventFormat.AEDAT2, in, sourceName, config, DAVIS240, "the DAVIS240 layout", DAVIS240.width(),
        DAVIS240.height());
    this.xMax = sensorSize().width() - 1;
    this.yMax = sensorSize().height() - 1;
  }

  static Aedat2Reader open(InputStream stream, String sourceName, EventReaderConfig config) {
    ByteChunkInput in = new ByteChunkInput(stream, config.readBufferBytes(), sourceName);
    String first = in.readLine();
    if (first == null || !first.startsWith("#!AER-DAT")) {
      throw new InvalidInputException(sourceName + ": bad AEDAT header at byte 0: the file does not start with"
          + " '#!AER-DAT2.0'; it is not an AEDAT 2.0 file (check --format)");
    }
    String version = first.substring("#!AER-DAT".length()).trim();
    if (!version.startsWith("2.")) {
      throw new InvalidInputException(sourceName + ": bad AEDAT header at byte 0: version '" + version
          + "' is not supported, only AEDAT 2.0 (convert it, e.g. with jAER or dv)");
    }
    while (in.fill(1) >= 1 && in.buf[in.pos] == '#') {
      long lineOffset = in.offset();
      if (isEndOfHeaderLine(in)) {
        // the data starts right after it, even if its first byte is '#' (an address 0x23......)
        skipLine(in);
        break;
      }
      if (!isChipLine(in)) {
        skipLine(in); // jAER headers run to thousands of lines: no string per line
        continue;
      }
      String line = in.readLine();
      if (!config.sensorSize().isKnown()) {
        String name = line.substring(line.indexOf("AEChip:") + "AEChip:".length()).trim();
        if (!name.toUpperCase(Locale.ROOT).contains("DAVIS240")) {
          throw new InvalidInputException(sourceName + ": AEDAT header line at byte " + lineOffset + " names chip '"
              + name + "', not a DAVIS240; this reader decodes the DAVIS240 address layout (pass"
              + " --width/--height to force it for a DAVIS with the same layout)");
        }
      }
    }
    return new Aedat2Reader(in, sourceName, config);
  }

  private static final byte[] CHIP_KEY = "AEChip:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /** True if the header line at the read position is "#", spaces, then "AEChip:". */
  private static boolean isChipLine(ByteChunkInput in) {
    int end = in.findLineEnd();
    int i = in.pos + 1;
    while (i < end && in.buf[i] == ' ') {
      i++;
    }
    if (end - i < CHIP_KEY.length) {
      return false;
    }
    for (int k = 0; k < CHIP_KEY.length; k++) {
      if (in.buf[i + k] != CHIP_KEY[k]) {
        return false;
      }
    }
    return true;
  }

  private static final byte[] END_KEY = "end of ascii header".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  /**
   * True if the header line at the read position is jAER's last one, "#End Of ASCII Header" (any
   * case, spaces after the '#' and trailing spaces or '\r' allowed).
   */
  private static boolean isEndOfHeaderLine(ByteChunkInput in) {
    int end = in.findLineEnd();
    int i = in.pos + 1;
    while (i < end && in.buf[i] == ' ') {
      i++;
    }
    int stop = end;
    while (stop > i && (in.buf[stop - 1] == '\r' || in.buf[stop - 1] == ' ')) {
      stop--;
    }
    if (stop - i != END_KEY.length) {
      return false;
    }
    for (int k = 0; k < END_KEY.length; k++) {
      int c = in.buf[i + k];
      if ((c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c) != END_KEY[k]) {
        return false;
      }
    }
    return true;
  }

  private static void skipLine(ByteChunkInput in) {
    int end = in.findLineEnd();
    in.pos = end < in.limit ? end + 1 : end;
  }

  @Override
  public int read(EventBuffer dest) {
    final int cap = dest.capacity();
    final int[] xs = dest.x;
    final int[] ys = dest.y;
    final long[] ts = dest.tUs;
    final byte[] ps = dest.polarity;
    final byte[] b = in.buf;
    final EventGuard g = guard;
    int n = 0;
    while (n < cap) {
      int ready = wholeRecordBytes(8);
      if (ready == 0) {
        break;
      }
      int pos = in.pos;
      final int end = pos + ready;
      while (pos < end && n < cap) {
        int a = (int) BE_INT.get(b, pos);
        int tRaw = (int) BE_INT.get(b, pos + 4);
        pos += 8;
        if (a >= 0) {
          if ((a & 0x400) != 0) {
            stats.skip(SkipReason.SPECIAL);
            continue;
          }
          int yRaw = (a >>> 22) & 0x1FF;
          int xRaw = (a >>> 12) & 0x3FF;
          // image convention: x = W-1 - x_raw, y = H-1 - y_raw
          int x = xMax - xRaw;
          int y = yMax - yRaw;
          if (x < 0 || y < 0) {
            in.pos = pos - 8;
            throw malformed(in.offset(), String.format("DVS address 0x%08x has raw x=%d y=%d, outside the %s sensor"
                + " (not a DAVIS240 recording? pass --width/--height)", a, xRaw, yRaw, sensorSize()));
          }
          long t = unwrap(tRaw & 0xFFFF_FFFFL);
          long accepted = g.accept(x, y, t);
          if (accepted < 0) {
            in.pos = pos - 8;
            throw rejected(in.offset(), accepted, x, y, t);
          }
          xs[n] = x;
          ys[n] = y;
          ts[n] = accepted;
          ps[n] = (byte) ((a >>> 11) & 1);
          n++;
        } else if ((a & 0xC00) == 0xC00) {
          stats.skip(SkipReason.IMU);
        } else if ((a & 0x800) == 0) {
          stats.skip(SkipReason.APS);
        } else {
          stats.skip(SkipReason.OTHER_TYPE);
        }
      }
      in.pos = pos;
    }
    return finish(dest, n);
  }

  /**
   * t = epoch + t32, where epoch grows by 2^32 when t32 drops by more than 2^31 (rollover), and
   * after a rollover shrinks by 2^32 when t32 rises by more than 2^31 (a step back across it).
   */
  private long unwrap(long t32) {
    if (t32 < lastRawT && lastRawT - t32 > HALF_RANGE) {
      epochUs += 1L << 32;
    } else if (t32 > lastRawT && t32 - lastRawT > HALF_RANGE && epochUs > 0) {
      epochUs -= 1L << 32;
    }
    lastRawT = t32;
    return epochUs + t32;
  }
}
