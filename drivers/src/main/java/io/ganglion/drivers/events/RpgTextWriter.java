package io.ganglion.drivers.events;

import java.io.OutputStream;

/**
 * Writes the RPG text format: one line {@code t x y p} per event, t in seconds with six decimals
 * (exact microseconds), p = 1 ON / 0 OFF, '\n' line ends, no header. Coordinates are checked
 * against the given size (or only for being &lt; 65536 if it is unknown).
 */
final class RpgTextWriter extends AbstractEventWriter {

  RpgTextWriter(OutputStream stream, String sinkName, SensorSize size) {
    super(EventFormat.TEXT, stream, sinkName, size.isKnown() ? size.width() : 1 << 16,
        size.isKnown() ? size.height() : 1 << 16, Long.MAX_VALUE);
  }

  @Override
  void encode(int x, int y, long tUs, boolean on) {
    out.ensure(64);
    byte[] b = out.buf;
    int p = DecimalSeconds.formatMicros(tUs, b, out.pos);
    b[p++] = ' ';
    p = DecimalSeconds.formatLong(x, b, p);
    b[p++] = ' ';
    p = DecimalSeconds.formatLong(y, b, p);
    b[p++] = ' ';
    b[p++] = on ? (byte) '1' : (byte) '0';
    b[p++] = '\n';
    out.pos = p;
  }
}
