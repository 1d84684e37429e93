package io.ganglion.drivers.events;

import java.io.InputStream;

/**
 * Reads N-MNIST binary files (Orchard et al. 2015): no header, 5 bytes per event,
 * <pre>
 *   x = b0, y = b1, polarity = b2 &gt;&gt; 7 (1 = ON), t_us = (b2 &amp; 0x7F) &lt;&lt; 16 | b3 &lt;&lt; 8 | b4
 * </pre>
 * Origin top-left, y down; the sensor is 34 x 34 unless the config forces another size (e.g. for
 * N-Caltech101 files, which share the layout).
 */
final class NmnistReader extends AbstractEventReader {

  /** The N-MNIST crop. */
  static final SensorSize NMNIST = new SensorSize(34, 34);

  private NmnistReader(ByteChunkInput in, String sourceName, EventReaderConfig config) {
    super(EventFormat.NMNIST, in, sourceName, config, NMNIST, "the N-MNIST format", 256, 256);
  }

  static NmnistReader open(InputStream stream, String sourceName, EventReaderConfig config) {
    return new NmnistReader(new ByteChunkInput(stream, config.readBufferBytes(), sourceName), sourceName, config);
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
      int ready = wholeRecordBytes(5);
      if (ready == 0) {
        break;
      }
      int pos = in.pos;
      final int end = pos + ready;
      while (pos < end && n < cap) {
        int x = b[pos] & 0xFF;
        int y = b[pos + 1] & 0xFF;
        int b2 = b[pos + 2] & 0xFF;
        long t = (b2 & 0x7F) << 16 | (b[pos + 3] & 0xFF) << 8 | (b[pos + 4] & 0xFF);
        pos += 5;
        long accepted = g.accept(x, y, t);
        if (accepted < 0) {
          in.pos = pos - 5;
          throw rejected(in.offset(), accepted, x, y, t);
        }
        xs[n] = x;
        ys[n] = y;
        ts[n] = accepted;
        ps[n] = (byte) (b2 >>> 7);
        n++;
      }
      in.pos = pos;
    }
    return finish(dest, n);
  }
}
