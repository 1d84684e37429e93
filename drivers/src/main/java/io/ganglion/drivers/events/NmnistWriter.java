package io.ganglion.drivers.events;

import java.io.OutputStream;

/**
 * Writes N-MNIST binary: 5 bytes per event, {@code x, y, p << 7 | t[22:16], t[15:8], t[7:0]}.
 * Coordinates must fit the sensor size (34 x 34 by default, at most 256 x 256) and t must be
 * below 2^23 us (8.4 s): the format has no rollover.
 */
final class NmnistWriter extends AbstractEventWriter {

  /** Exclusive time limit of the 23-bit timestamp. */
  static final long TIME_LIMIT_US = 1L << 23;

  NmnistWriter(OutputStream stream, String sinkName, SensorSize size) {
    super(EventFormat.NMNIST, stream, sinkName, Math.min(size.width(), 256), Math.min(size.height(), 256),
        TIME_LIMIT_US);
  }

  @Override
  void encode(int x, int y, long tUs, boolean on) {
    out.ensure(5);
    byte[] b = out.buf;
    int p = out.pos;
    int t = (int) tUs;
    b[p] = (byte) x;
    b[p + 1] = (byte) y;
    b[p + 2] = (byte) ((on ? 0x80 : 0) | (t >>> 16) & 0x7F);
    b[p + 3] = (byte) (t >>> 8);
    b[p + 4] = (byte) t;
    out.pos = p + 5;
  }
}
