package io.ganglion.drivers;

/**
 * Fault bits shared by every device's {@code XxxInputs.faultFlags}. A bit is set while the
 * condition holds as of the last {@code updateInputs}/{@code apply}; counters in the inputs say
 * how often it happened. {@code faultFlags == 0} means the device is healthy.
 */
public final class DeviceFaults {

  /** The last bus transaction failed (I/O error, NACK, short transfer). */
  public static final int BUS_ERROR = 1;
  /** The device has not been (re)initialised yet: missing at start, or reset detected. */
  public static final int NOT_INITIALIZED = 1 << 1;
  /** The identity register holds an unexpected value (wrong chip or wrong address). */
  public static final int WRONG_DEVICE = 1 << 2;
  /** A configuration readback differs from what was written (device reset or corruption). */
  public static final int CONFIG_MISMATCH = 1 << 3;
  /** A frame failed a plausibility check (bits that the chip always reads as zero were set). */
  public static final int INVALID_FRAME = 1 << 4;
  /** The sensor output has not changed for too many consecutive reads. */
  public static final int STUCK = 1 << 5;
  /** A measurement sits at the end of its range (the real value may be larger). */
  public static final int SATURATED = 1 << 6;
  /** A conversion did not complete within twice its nominal time. */
  public static final int NOT_READY = 1 << 7;
  /** Magnetic encoder: no magnet detected (the angle is not updated). */
  public static final int MAGNET_NOT_DETECTED = 1 << 8;
  /** Magnetic encoder: magnet too weak or too strong (the angle is degraded). */
  public static final int MAGNET_OUT_OF_RANGE = 1 << 9;
  /** An output command was NaN/infinite or the command array had the wrong length. */
  public static final int INVALID_COMMAND = 1 << 10;
  /** A GPIO input could not be read (error or unknown state). */
  public static final int UNREADABLE = 1 << 11;
  /** The device was found reset (power glitch) and is being re-initialised. */
  public static final int DEVICE_RESET = 1 << 12;

  private static final String[] NAMES = {
    "BUS_ERROR", "NOT_INITIALIZED", "WRONG_DEVICE", "CONFIG_MISMATCH", "INVALID_FRAME", "STUCK",
    "SATURATED", "NOT_READY", "MAGNET_NOT_DETECTED", "MAGNET_OUT_OF_RANGE", "INVALID_COMMAND",
    "UNREADABLE", "DEVICE_RESET"
  };

  private DeviceFaults() {}

  /**
   * Appends the names of the bits set in {@code flags} to {@code dest}, separated by {@code |}
   * ("OK" when none), and returns {@code dest}. For logs, not for the loop.
   */
  public static StringBuilder describe(int flags, StringBuilder dest) {
    if (flags == 0) {
      return dest.append("OK");
    }
    boolean first = true;
    for (int bit = 0; bit < NAMES.length; bit++) {
      if ((flags & (1 << bit)) != 0) {
        if (!first) {
          dest.append('|');
        }
        dest.append(NAMES[bit]);
        first = false;
      }
    }
    int unknown = flags & ~((1 << NAMES.length) - 1);
    if (unknown != 0) {
      dest.append(first ? "" : "|").append("0x").append(Integer.toHexString(unknown));
    }
    return dest;
  }

  /** {@link #describe(int, StringBuilder)} as a new string. */
  public static String describe(int flags) {
    return describe(flags, new StringBuilder()).toString();
  }
}
