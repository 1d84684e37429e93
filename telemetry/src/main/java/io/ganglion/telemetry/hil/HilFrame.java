package io.ganglion.telemetry.hil;

import io.ganglion.telemetry.protocol.RejectReason;

/**
 * One hardware-in-the-loop frame, little-endian (docs/telemetry.md, "HIL"):
 *
 * <pre>
 * offset size field
 *  0     4    magic "GHIL" = 47 48 49 4c
 *  4     1    version = 1
 *  5     1    kind: 1 sensors (simulator to board), 2 actuators (board to simulator), 3 end (simulator: run over),
 *             4 end acknowledged (board: the end of seq received)
 *  6     2    value count N (u16, 0..1024)
 *  8     8    seq (i64 >= 0): the lock-step number; actuators answer the sensors of the same seq
 * 16     8    t_us (i64): simulation time of the sensors
 * 24     8N   values: IEEE-754 binary64 bits (NaN and infinities pass unchanged)
 * </pre>
 *
 * A mutable, preallocated holder: {@link #decode} fills it without allocating; doubles travel as
 * their raw bits so a HIL run is bit-identical to a local one.
 */
public final class HilFrame {

  /** Magic "GHIL". */
  public static final int MAGIC = 0x4c494847; // "GHIL" read little-endian
  /** Format version. */
  public static final int VERSION = 1;
  /** Header bytes. */
  public static final int HEADER_BYTES = 24;
  /** Most values in a frame. */
  public static final int MAX_VALUES = 1024;

  /** Frame kinds. */
  public enum Kind {
    /** Simulator to board: the sensor readings of step {@code seq}. */
    SENSORS(1),
    /** Board to simulator: the actuator commands for step {@code seq}. */
    ACTUATORS(2),
    /** Simulator to board: the run is over (the board stops without a failsafe). */
    END(3),
    /** Board to simulator: the {@code END} of the same {@code seq} arrived (the simulator resends END until it does). */
    END_ACK(4);

    private final int code;

    Kind(int code) {
      this.code = code;
    }

    /** The wire code. */
    public int code() {
      return code;
    }

    private static final Kind[] ALL = values(); // values() copies its array on every call

    static Kind of(int code) {
      for (Kind k : ALL) {
        if (k.code == code) {
          return k;
        }
      }
      return null;
    }
  }

  private final double[] values;
  private Kind kind;
  private long seq;
  private long tUs;
  private int count;

  /** A holder for frames of up to {@code capacity} values. */
  public HilFrame(int capacity) {
    if (capacity < 0 || capacity > MAX_VALUES) {
      throw new io.ganglion.drivers.InvalidInputException("HIL frame capacity " + capacity + " is out of range; use 0.." + MAX_VALUES);
    }
    this.values = new double[capacity];
  }

  /** Bytes of a frame of {@code n} values. */
  public static int sizeBytes(int n) {
    return HEADER_BYTES + 8 * n;
  }

  /** Encodes a frame into {@code dest} (at least {@link #sizeBytes} long); returns its length. Allocation-free. */
  public static int encode(Kind kind, long seq, long tUs, double[] values, int n, byte[] dest) {
    if (n < 0 || n > MAX_VALUES || n > values.length) {
      throw new IllegalArgumentException("value count " + n + " is out of range");
    }
    putInt(dest, 0, MAGIC);
    dest[4] = VERSION;
    dest[5] = (byte) kind.code;
    dest[6] = (byte) n;
    dest[7] = (byte) (n >>> 8);
    putLong(dest, 8, seq);
    putLong(dest, 16, tUs);
    for (int i = 0; i < n; i++) {
      putLong(dest, HEADER_BYTES + 8 * i, Double.doubleToRawLongBits(values[i]));
    }
    return sizeBytes(n);
  }

  /** A new array holding the encoded frame. */
  public static byte[] encode(Kind kind, long seq, long tUs, double[] values, int n) {
    byte[] b = new byte[sizeBytes(n)];
    encode(kind, seq, tUs, values, n, b);
    return b;
  }

  /**
   * Decodes {@code payload} into this holder. Never throws.
   *
   * @return null when accepted, else the reason it was rejected
   */
  public RejectReason decode(byte[] payload) {
    if (payload.length < HEADER_BYTES) {
      return payload.length >= 4 && getInt(payload, 0) != MAGIC ? RejectReason.BAD_MAGIC : RejectReason.TRUNCATED;
    }
    if (getInt(payload, 0) != MAGIC) {
      return RejectReason.BAD_MAGIC;
    }
    if (payload[4] != VERSION) {
      return RejectReason.UNSUPPORTED_VERSION;
    }
    Kind k = Kind.of(payload[5] & 0xff);
    if (k == null) {
      return RejectReason.BAD_HEADER;
    }
    int n = (payload[6] & 0xff) | (payload[7] & 0xff) << 8;
    if (n > values.length) {
      return RejectReason.OUT_OF_RANGE;
    }
    if (payload.length != sizeBytes(n)) {
      return payload.length < sizeBytes(n) ? RejectReason.TRUNCATED : RejectReason.LENGTH_MISMATCH;
    }
    long s = getLong(payload, 8);
    if (s < 0) {
      return RejectReason.OUT_OF_RANGE;
    }
    kind = k;
    seq = s;
    tUs = getLong(payload, 16);
    count = n;
    for (int i = 0; i < n; i++) {
      values[i] = Double.longBitsToDouble(getLong(payload, HEADER_BYTES + 8 * i));
    }
    return null;
  }

  /** Copies {@code other} into this holder (same or larger capacity). */
  public void copyFrom(HilFrame other) {
    kind = other.kind;
    seq = other.seq;
    tUs = other.tUs;
    count = other.count;
    System.arraycopy(other.values, 0, values, 0, other.count);
  }

  public Kind kind() {
    return kind;
  }

  public long seq() {
    return seq;
  }

  public long tUs() {
    return tUs;
  }

  /** Values in the last decoded frame. */
  public int count() {
    return count;
  }

  /** Value {@code i} of the last decoded frame. */
  public double value(int i) {
    return values[i];
  }

  /** The values array (the first {@link #count()} are valid). */
  public double[] values() {
    return values;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
    b[at + 2] = (byte) (v >>> 16);
    b[at + 3] = (byte) (v >>> 24);
  }

  private static void putLong(byte[] b, int at, long v) {
    putInt(b, at, (int) v);
    putInt(b, at + 4, (int) (v >>> 32));
  }

  private static int getInt(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }

  private static long getLong(byte[] b, int at) {
    return (getInt(b, at) & 0xffffffffL) | ((long) getInt(b, at + 4)) << 32;
  }
}
