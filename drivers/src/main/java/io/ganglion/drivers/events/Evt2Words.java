package io.ganglion.drivers.events;

/**
 * The EVT 2.0 word layout (Prophesee), little-endian 32-bit words, type in the top 4 bits:
 * <pre>
 *   CD_OFF 0x0 / CD_ON 0x1: [31:28] type  [27:22] ts_low (6 bits)  [21:11] x (11 bits)  [10:0] y (11 bits)
 *   TIME_HIGH 0x8:           [31:28] type  [27:0] t_high (28 bits)
 *   EXT_TRIGGER 0xA, OTHERS 0xE, CONTINUED 0xF: not decoded
 *   t_us = t_high &lt;&lt; 6 | ts_low   (34 bits; wraps every 2^34 us, about 4.8 h)
 * </pre>
 */
final class Evt2Words {

  static final int CD_OFF = 0x0;
  static final int CD_ON = 0x1;
  static final int TIME_HIGH = 0x8;
  static final int EXT_TRIGGER = 0xA;

  /** Coordinates are 11 bits. */
  static final int COORD_LIMIT = 1 << 11;
  /** TIME_HIGH carries 28 bits. */
  static final int TIME_HIGH_MASK = 0x0FFF_FFFF;

  private Evt2Words() {}

  static int cd(int x, int y, long tUs, boolean on) {
    return (on ? CD_ON : CD_OFF) << 28 | (int) (tUs & 0x3F) << 22 | x << 11 | y;
  }

  static int timeHigh(long tUs) {
    return TIME_HIGH << 28 | (int) ((tUs >>> 6) & TIME_HIGH_MASK);
  }
}
