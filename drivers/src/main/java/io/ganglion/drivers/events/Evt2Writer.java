package io.ganglion.drivers.events;

import java.io.OutputStream;

/**
 * Writes Prophesee EVT 2.0 RAW: the header
 * <pre>
 *   % evt 2.0
 *   % format EVT2;height=H;width=W
 *   % geometry WxH
 *   % end
 * </pre>
 * then little-endian words ({@link Evt2Words}): a TIME_HIGH word whenever t &gt;&gt; 6 changes
 * (plus intermediate ones across gaps of 2^27 * 64 us or more, so that readers can unwrap the
 * 28-bit rollover; a first time of 2^34 us or more counts as a gap from 0, where readers start),
 * and one CD_ON/CD_OFF word per event.
 */
final class Evt2Writer extends AbstractEventWriter {

  private long lastHigh = -1;

  Evt2Writer(OutputStream stream, String sinkName, SensorSize size) {
    super(EventFormat.EVT2, stream, sinkName, checked(size).width(), size.height(), Long.MAX_VALUE);
    out.writeAscii("% evt 2.0\n% format EVT2;height=" + size.height() + ";width=" + size.width() + "\n% geometry "
        + size.width() + "x" + size.height() + "\n% end\n");
  }

  private static SensorSize checked(SensorSize size) {
    if (!size.isKnown() || size.width() > Evt2Words.COORD_LIMIT || size.height() > Evt2Words.COORD_LIMIT) {
      throw new io.ganglion.drivers.InvalidInputException("EVT 2.0 needs a sensor size in 1.." + Evt2Words.COORD_LIMIT
          + " on each side, got " + size);
    }
    return size;
  }

  @Override
  void encode(int x, int y, long tUs, boolean on) {
    long high = tUs >>> 6;
    if (high != lastHigh) {
      if (lastHigh < 0 && high > Evt2Words.TIME_HIGH_MASK) {
        // readers start the time base at 0 and a first TIME_HIGH keeps only 28 bits: step up from 0
        lastHigh = 0;
        putWord(Evt2Words.timeHigh(0));
      }
      if (lastHigh >= 0) {
        // keep each TIME_HIGH step below 2^27 so that a reader tells rollovers from steps
        while (high - lastHigh >= 1L << 27) {
          lastHigh += (1L << 27) - 1;
          putWord(Evt2Words.timeHigh(lastHigh << 6));
        }
      }
      putWord(Evt2Words.timeHigh(tUs));
      lastHigh = high;
    }
    putWord(Evt2Words.cd(x, y, tUs, on));
  }

  private void putWord(int w) {
    out.ensure(4);
    byte[] b = out.buf;
    int p = out.pos;
    b[p] = (byte) w;
    b[p + 1] = (byte) (w >>> 8);
    b[p + 2] = (byte) (w >>> 16);
    b[p + 3] = (byte) (w >>> 24);
    out.pos = p + 4;
  }
}
