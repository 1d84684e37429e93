package io.ganglion.telemetry.record;

/**
 * The telemetry log file layout, version 1 (docs/telemetry.md). Little-endian.
 *
 * <pre>
 * file header, 16 bytes:
 *   0  4  magic "GLOG" (47 4C 4F 47)
 *   4  2  version (1)
 *   6  2  flags (0)
 *   8  8  creation time, ms since the epoch
 * then records, each:
 *   0  4  body length L (u32, 12 + topic + payload, at most MAX_BODY)
 *   4  4  CRC-32 (IEEE, java.util.zip.CRC32) of the L body bytes
 *   8  L  body:
 *           0  8  receive time, us since the epoch (i64)
 *           8  1  QoS (0..2)
 *           9  1  flags (bit 0: retained; others 0)
 *          10  2  topic length T (u16)
 *          12  T  topic, UTF-8
 *        12+T     payload (L - 12 - T bytes)
 * </pre>
 *
 * The file is append-only. A record is complete when its 8-byte frame and L body bytes are present
 * and the CRC matches; the reader stops at the first incomplete or corrupt record (a torn tail
 * after a crash) and recovery truncates the file there.
 */
public final class LogFormat {

  /** "GLOG" read as a little-endian int. */
  public static final int MAGIC_LE = 0x474F4C47;
  /** Current version. */
  public static final int VERSION = 1;
  /** Bytes of the file header. */
  public static final int HEADER_BYTES = 16;
  /** Bytes of a record frame (length + CRC). */
  public static final int FRAME_BYTES = 8;
  /** Fixed bytes at the start of a body. */
  public static final int BODY_FIXED_BYTES = 12;
  /** Largest body (32 MiB): larger lengths mean corruption. */
  public static final int MAX_BODY = 32 << 20;

  /** The bytes a version-{@value #VERSION} header starts with: magic, version, flags (the time follows). */
  private static final byte[] HEADER_START = {'G', 'L', 'O', 'G', (byte) VERSION, 0, 0, 0};

  private LogFormat() {}

  /**
   * True when the first {@code length} bytes of {@code bytes} (fewer than {@link #HEADER_BYTES})
   * can be the start of a header of this version: what a writer killed while writing the header
   * leaves (an empty file included). The creation time's bytes can be anything.
   */
  public static boolean isHeaderPrefix(byte[] bytes, int length) {
    for (int i = 0; i < Math.min(length, HEADER_START.length); i++) {
      if (bytes[i] != HEADER_START[i]) {
        return false;
      }
    }
    return true;
  }
}
