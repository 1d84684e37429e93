package io.ganglion.drivers.encoder;

/** AS5600 register map and conversions (ams datasheet v1-06, "Register Description"). */
public final class As5600Registers {

  /** The AS5600's fixed 7-bit address. */
  public static final int DEFAULT_ADDRESS = 0x36;
  /** STATUS: MD bit 5, ML bit 4, MH bit 3. It is directly followed by RAW ANGLE high and low. */
  public static final int STATUS = 0x0B;
  /** RAW ANGLE high byte (bits 11..8 in bits 3..0), then the low byte at 0x0D. */
  public static final int RAW_ANGLE = 0x0C;
  /** ANGLE (RAW ANGLE with ZPOS/MPOS/MANG applied) high byte, low byte at 0x0F. */
  public static final int ANGLE = 0x0E;
  public static final int STATUS_MD = 0x20;
  public static final int STATUS_ML = 0x10;
  public static final int STATUS_MH = 0x08;
  /** STATUS bits that always read zero. */
  public static final int STATUS_ZERO_BITS = 0xC7;
  /** Counts per revolution. */
  public static final int COUNTS = 4096;

  private As5600Registers() {}

  /** angle = raw * 2 pi / 4096, in [0, 2 pi). */
  public static double rawToRad(int raw) {
    return raw * (2.0 * Math.PI / COUNTS);
  }

  /** Wraps an angle into [-pi, pi). */
  public static double wrapPi(double angleRad) {
    double a = angleRad - 2.0 * Math.PI * Math.floor((angleRad + Math.PI) / (2.0 * Math.PI));
    return a >= Math.PI ? a - 2.0 * Math.PI : a;
  }
}
