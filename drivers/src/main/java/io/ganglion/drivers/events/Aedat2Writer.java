package io.ganglion.drivers.events;

import java.io.OutputStream;

/**
 * Writes AEDAT 2.0 as a DAVIS240 (240 x 180) jAER recording: the header lines
 * <pre>
 *   #!AER-DAT2.0
 *   # This is a raw AE data file created by Ganglion
 *   # Data format is int32 address, int32 timestamp (8 bytes total), repeated for each event
 *   # Timestamps tick is 1 us
 *   # AEChip: eu.seebetter.ini.chips.davis.DAVIS240C
 *   #End Of ASCII Header
 * </pre>
 * (CRLF line ends), then per event a big-endian address {@code (179 - y) << 22 | (239 - x) << 12 |
 * on << 11} and the big-endian low 32 bits of t (readers unwrap the rollover). The first time
 * must be below 2^32 us and each step below 2^31 us, else the timestamps would not read back.
 */
final class Aedat2Writer extends AbstractEventWriter {

  Aedat2Writer(OutputStream stream, String sinkName) {
    super(EventFormat.AEDAT2, stream, sinkName, Aedat2Reader.DAVIS240.width(), Aedat2Reader.DAVIS240.height(),
        Long.MAX_VALUE);
    out.writeAscii("#!AER-DAT2.0\r\n# This is a raw AE data file created by Ganglion\r\n"
        + "# Data format is int32 address, int32 timestamp (8 bytes total), repeated for each event\r\n"
        + "# Timestamps tick is 1 us\r\n# AEChip: eu.seebetter.ini.chips.davis.DAVIS240C\r\n"
        // jAER's end marker: without it a first address starting with the byte '#' reads as a header line
        + "#End Of ASCII Header\r\n");
  }

  /** The DVS address of an image-convention event. */
  static int dvsAddress(int x, int y, boolean on) {
    int yRaw = Aedat2Reader.DAVIS240.height() - 1 - y;
    int xRaw = Aedat2Reader.DAVIS240.width() - 1 - x;
    return yRaw << 22 | xRaw << 12 | (on ? 1 << 11 : 0);
  }

  @Override
  void encode(int x, int y, long tUs, boolean on) {
    // readers start at 0 and unwrap the 32-bit timestamp by steps of less than 2^31 us
    if (eventsWritten() == 0 && tUs >= 1L << 32) {
      throw cannotWrite(x, y, tUs, "is at 2^32 us or later: AEDAT 2.0's 32-bit timestamps start at 0 and wrap"
          + " there (write times relative to an earlier origin)");
    }
    if (eventsWritten() > 0 && tUs - lastTUs() >= 1L << 31) {
      throw cannotWrite(x, y, tUs, "comes " + (tUs - lastTUs()) + " us after the previous event, 2^31 us or"
          + " more: AEDAT 2.0's 32-bit timestamps cannot tell such a step from a rollover");
    }
    writeRecord(dvsAddress(x, y, on), (int) tUs);
  }

  /** Writes one raw record (also IMU/APS/special words, for tests); not checked. */
  void writeRecord(int address, int timestampUs) {
    out.ensure(8);
    byte[] b = out.buf;
    int p = out.pos;
    b[p] = (byte) (address >>> 24);
    b[p + 1] = (byte) (address >>> 16);
    b[p + 2] = (byte) (address >>> 8);
    b[p + 3] = (byte) address;
    b[p + 4] = (byte) (timestampUs >>> 24);
    b[p + 5] = (byte) (timestampUs >>> 16);
    b[p + 6] = (byte) (timestampUs >>> 8);
    b[p + 7] = (byte) timestampUs;
    out.pos = p + 8;
  }
}
