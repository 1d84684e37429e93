package io.ganglion.telemetry.protocol;

/**
 * The value types a telemetry field may have, with their binary type code, size in bytes and JSON
 * name. Values travel as raw {@code long}s inside the publisher and {@link TelemetryBatch}: integers
 * sign-extended ({@code U8} zero-extended), {@code F32} as its IEEE-754 bits in the low 32 bits,
 * {@code F64} as its IEEE-754 bits, {@code Q16} as the raw Q16.16 {@code int} (value = raw / 2^16).
 */
public enum FieldType {
  /** Unsigned 8-bit integer (flags, modes, booleans), 0..255. */
  U8(1, 1, "u8"),
  /** Signed 32-bit integer. */
  I32(2, 4, "i32"),
  /** Signed 64-bit integer. */
  I64(3, 8, "i64"),
  /** IEEE-754 binary32. */
  F32(4, 4, "f32"),
  /** IEEE-754 binary64. */
  F64(5, 8, "f64"),
  /** Q16.16 fixed point in a signed 32-bit integer: value = raw / 65536 (exact in JSON as a double). */
  Q16(6, 4, "q16");

  private static final FieldType[] BY_CODE = new FieldType[7];

  static {
    for (FieldType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;
  private final int sizeBytes;
  private final String jsonName;

  FieldType(int code, int sizeBytes, String jsonName) {
    this.code = code;
    this.sizeBytes = sizeBytes;
    this.jsonName = jsonName;
  }

  /** The type code in the binary field descriptor. */
  public int code() {
    return code;
  }

  /** Bytes one value takes in a binary sample. */
  public int sizeBytes() {
    return sizeBytes;
  }

  /** The type's name in the JSON {@code fields} descriptor. */
  public String jsonName() {
    return jsonName;
  }

  /** True for the floating-point types (the only ones that can hold NaN or infinity). */
  public boolean isFloatingPoint() {
    return this == F32 || this == F64;
  }

  /** The type with binary code {@code code}, or null. */
  public static FieldType ofCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }

  /** The type with JSON name {@code name}, or null. */
  public static FieldType ofJsonName(String name) {
    for (FieldType t : values()) {
      if (t.jsonName.equals(name)) {
        return t;
      }
    }
    return null;
  }

  /**
   * The raw form of {@code value} for this type. Integer types round to nearest and saturate (NaN
   * gives 0); {@code Q16} stores round(value * 2^16), saturated. Allocation-free.
   */
  public long rawFromDouble(double value) {
    switch (this) {
      case F64:
        return Double.doubleToRawLongBits(value);
      case F32:
        return Float.floatToRawIntBits((float) value) & 0xFFFF_FFFFL;
      case Q16:
        return saturate(Math.rint(value * 65536.0), Integer.MIN_VALUE, Integer.MAX_VALUE);
      case I32:
        return saturate(Math.rint(value), Integer.MIN_VALUE, Integer.MAX_VALUE);
      case U8:
        return saturate(Math.rint(value), 0, 255);
      case I64:
      default:
        return (long) Math.rint(value);
    }
  }

  /** The raw form of an integer {@code value} (for {@code Q16}: the raw Q16.16 integer), saturated. */
  public long rawFromLong(long value) {
    switch (this) {
      case F64:
        return Double.doubleToRawLongBits(value);
      case F32:
        return Float.floatToRawIntBits(value) & 0xFFFF_FFFFL;
      case I32:
      case Q16:
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
      case U8:
        return Math.max(0, Math.min(255, value));
      case I64:
      default:
        return value;
    }
  }

  /** The value of {@code raw} as a double (Q16: raw / 65536). */
  public double toDouble(long raw) {
    switch (this) {
      case F64:
        return Double.longBitsToDouble(raw);
      case F32:
        return Float.intBitsToFloat((int) raw);
      case Q16:
        return ((int) raw) / 65536.0;
      default:
        return raw;
    }
  }

  /** True when {@code raw} holds NaN or an infinity (only possible for F32 and F64). */
  public boolean isNonFinite(long raw) {
    if (this == F64) {
      return !Double.isFinite(Double.longBitsToDouble(raw));
    }
    if (this == F32) {
      return !Float.isFinite(Float.intBitsToFloat((int) raw));
    }
    return false;
  }

  private static long saturate(double v, long min, long max) {
    if (Double.isNaN(v)) {
      return 0;
    }
    if (v <= min) {
      return min;
    }
    if (v >= max) {
      return max;
    }
    return (long) v;
  }
}
