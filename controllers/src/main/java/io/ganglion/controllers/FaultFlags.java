package io.ganglion.controllers;

/** Fault bits a control law sets in {@link ControllerOutputs#faultFlags}. */
public final class FaultFlags {

  /** An input was outside the range the law accepts (e.g. a joint angle beyond +-pi). */
  public static final int INPUT_OUT_OF_RANGE = 1;
  /** The input record's shape (array lengths) does not match the law's configuration. */
  public static final int INPUT_SHAPE_MISMATCH = 1 << 1;
  /** An internal value saturated where the law does not expect it to. */
  public static final int INTERNAL_SATURATION = 1 << 2;
  /** Events or samples arrived out of time order beyond the law's tolerance. */
  public static final int INPUT_OUT_OF_ORDER = 1 << 3;

  private FaultFlags() {}

  /** Names of the bits set in {@code flags}, e.g. {@code "INPUT_OUT_OF_RANGE|INTERNAL_SATURATION"}; not for hot paths. */
  public static String describe(int flags) {
    if (flags == 0) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    append(b, flags, INPUT_OUT_OF_RANGE, "INPUT_OUT_OF_RANGE");
    append(b, flags, INPUT_SHAPE_MISMATCH, "INPUT_SHAPE_MISMATCH");
    append(b, flags, INTERNAL_SATURATION, "INTERNAL_SATURATION");
    append(b, flags, INPUT_OUT_OF_ORDER, "INPUT_OUT_OF_ORDER");
    int known = INPUT_OUT_OF_RANGE | INPUT_SHAPE_MISMATCH | INTERNAL_SATURATION | INPUT_OUT_OF_ORDER;
    if ((flags & ~known) != 0) {
      append(b, flags, flags & ~known, "0x" + Integer.toHexString(flags & ~known));
    }
    return b.toString();
  }

  private static void append(StringBuilder b, int flags, int bit, String name) {
    if ((flags & bit) != 0) {
      if (b.length() > 0) {
        b.append('|');
      }
      b.append(name);
    }
  }
}
