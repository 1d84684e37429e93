package io.ganglion.drivers.events;

import io.ganglion.drivers.InvalidInputException;
import java.util.Locale;

/**
 * The ASCII header of a Prophesee RAW file: lines "% keyword value\n" until "% end" or the first
 * line that does not start with "% ". Reads the sensor size from {@code % geometry WxH} or
 * {@code % format EVT2;height=H;width=W}, and rejects encodings other than EVT 2.0.
 */
record Evt2Header(SensorSize size, int lines) {

  static Evt2Header read(ByteChunkInput in, String sourceName) {
    SensorSize fromGeometry = SensorSize.UNKNOWN;
    SensorSize fromFormat = SensorSize.UNKNOWN;
    int lines = 0;
    while (in.fill(2) >= 2 && in.buf[in.pos] == '%' && in.buf[in.pos + 1] == ' ') {
      long lineOffset = in.offset();
      String line = in.readLine();
      lines++;
      String body = line.substring(2).trim();
      int space = body.indexOf(' ');
      String key = (space < 0 ? body : body.substring(0, space)).toLowerCase(Locale.ROOT);
      String value = space < 0 ? "" : body.substring(space + 1).trim();
      switch (key) {
        case "end":
          return new Evt2Header(pick(fromGeometry, fromFormat, sourceName), lines);
        case "evt":
          if (!value.equals("2.0")) {
            throw bad(sourceName, lineOffset, "the header says 'evt " + value + "': only EVT 2.0 is supported"
                + " (convert the file to EVT 2.0, e.g. with Metavision's tools)");
          }
          break;
        case "format":
          fromFormat = parseFormat(value, sourceName, lineOffset);
          break;
        case "geometry":
          fromGeometry = parseGeometry(value, sourceName, lineOffset);
          break;
        case "data":
          if (value.toLowerCase(Locale.ROOT).startsWith("file containing")) {
            throw bad(sourceName, lineOffset, "this is a Prophesee DAT file, not a RAW EVT 2.0 file; convert it to RAW");
          }
          break;
        default:
          break;
      }
    }
    return new Evt2Header(pick(fromGeometry, fromFormat, sourceName), lines);
  }

  private static SensorSize pick(SensorSize geometry, SensorSize format, String sourceName) {
    if (geometry.isKnown() && format.isKnown() && !geometry.equals(format)) {
      throw new InvalidInputException(sourceName + ": the header's geometry (" + geometry + ") and format ("
          + format + ") lines disagree; fix the header");
    }
    return geometry.isKnown() ? geometry : format;
  }

  /** "WxH", e.g. "640x480". */
  private static SensorSize parseGeometry(String value, String sourceName, long offset) {
    int x = value.indexOf('x');
    if (x <= 0) {
      throw bad(sourceName, offset, "geometry '" + value + "' is not WIDTHxHEIGHT (e.g. 640x480)");
    }
    return size(value.substring(0, x), value.substring(x + 1), "geometry '" + value + "'", sourceName, offset);
  }

  /** "EVT2;height=480;width=640" (keys in any order, both optional). */
  private static SensorSize parseFormat(String value, String sourceName, long offset) {
    String[] parts = value.split(";");
    String encoding = parts[0].trim().toUpperCase(Locale.ROOT);
    if (!encoding.equals("EVT2")) {
      throw bad(sourceName, offset, "the header says 'format " + value + "': only EVT2 is supported");
    }
    String w = null;
    String h = null;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.startsWith("width=")) {
        w = p.substring(6);
      } else if (p.startsWith("height=")) {
        h = p.substring(7);
      }
    }
    if (w == null && h == null) {
      return SensorSize.UNKNOWN;
    }
    if (w == null || h == null) {
      throw bad(sourceName, offset, "format '" + value + "' gives only one of width and height");
    }
    return size(w, h, "format '" + value + "'", sourceName, offset);
  }

  private static SensorSize size(String w, String h, String what, String sourceName, long offset) {
    try {
      int width = Integer.parseInt(w.trim());
      int height = Integer.parseInt(h.trim());
      if (width <= 0 || height <= 0 || width > Evt2Words.COORD_LIMIT || height > Evt2Words.COORD_LIMIT) {
        throw bad(sourceName, offset, what + ": width and height must be in 1.." + Evt2Words.COORD_LIMIT);
      }
      return new SensorSize(width, height);
    } catch (NumberFormatException e) {
      throw bad(sourceName, offset, what + " has a width or height that is not a whole number");
    }
  }

  private static InvalidInputException bad(String sourceName, long offset, String what) {
    return new InvalidInputException(sourceName + ": bad EVT 2.0 header line at byte " + offset + ": " + what);
  }
}
