package io.ganglion.drivers.events;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads Prophesee EVT 2.0 RAW files (layout in {@link Evt2Words}): the {@code %} header (sensor
 * size from {@code geometry} or {@code format}), then CD_OFF/CD_ON/TIME_HIGH words. External
 * triggers and other word types are skipped and counted; CD words before the first TIME_HIGH are
 * skipped ({@link SkipReason#NO_TIME_BASE}) as Metavision does. Without a declared size only the
 * 11-bit coordinate range is enforced.
 */
final class Evt2Reader extends AbstractEventReader {

  private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final Evt2TimeBase time = new Evt2TimeBase();

  private Evt2Reader(ByteChunkInput in, String sourceName, EventReaderConfig config, Evt2Header header) {
    super(EventFormat.EVT2, in, sourceName, config, header.size(), "the file header", Evt2Words.COORD_LIMIT,
        Evt2Words.COORD_LIMIT);
  }

  static Evt2Reader open(InputStream stream, String sourceName, EventReaderConfig config) {
    ByteChunkInput in = new ByteChunkInput(stream, config.readBufferBytes(), sourceName);
    return new Evt2Reader(in, sourceName, config, Evt2Header.read(in, sourceName));
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
      int ready = wholeRecordBytes(4);
      if (ready == 0) {
        break;
      }
      int pos = in.pos;
      final int end = pos + ready;
      while (pos < end && n < cap) {
        int w = (int) LE_INT.get(b, pos);
        pos += 4;
        int type = w >>> 28;
        if (type <= Evt2Words.CD_ON) {
          if (!time.isSet()) {
            stats.skip(SkipReason.NO_TIME_BASE);
            continue;
          }
          int x = (w >>> 11) & 0x7FF;
          int y = w & 0x7FF;
          long t = time.highUs | ((w >>> 22) & 0x3F);
          long accepted = g.accept(x, y, t);
          if (accepted < 0) {
            in.pos = pos - 4;
            throw rejected(in.offset(), accepted, x, y, t);
          }
          xs[n] = x;
          ys[n] = y;
          ts[n] = accepted;
          ps[n] = (byte) type;
          n++;
        } else if (type == Evt2Words.TIME_HIGH) {
          time.onTimeHigh(w);
        } else if (type == Evt2Words.EXT_TRIGGER) {
          stats.skip(SkipReason.TRIGGER);
        } else {
          stats.skip(SkipReason.OTHER_TYPE);
        }
      }
      in.pos = pos;
    }
    return finish(dest, n);
  }
}
