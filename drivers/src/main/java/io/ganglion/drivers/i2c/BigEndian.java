package io.ganglion.drivers.i2c;

/** Register byte order helpers: most significant byte first, as every chip here sends it. */
public final class BigEndian {

  private BigEndian() {}

  /** Signed 16-bit value from {@code b[off]} (MSB) and {@code b[off + 1]} (LSB). */
  public static int int16(byte[] b, int off) {
    return (short) (((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF));
  }

  /** Unsigned 16-bit value from {@code b[off]} (MSB) and {@code b[off + 1]} (LSB). */
  public static int uint16(byte[] b, int off) {
    return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
  }

  /** Writes the low 16 bits of {@code value} at {@code b[off]} (MSB) and {@code b[off + 1]} (LSB). */
  public static void put16(byte[] b, int off, int value) {
    b[off] = (byte) (value >>> 8);
    b[off + 1] = (byte) value;
  }
}
