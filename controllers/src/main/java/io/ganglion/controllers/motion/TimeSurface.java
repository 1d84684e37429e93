package io.ganglion.controllers.motion;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The detector's memory of recent events: for every pixel and polarity, the bin of its latest
 * event modulo 256 (a time surface of bytes, so that a VGA sensor's surface, 0.6 MB, stays in a
 * core's L2 cache). The sensor is padded by R pixels on every side with entries that stay old, so
 * a kernel centred on any pixel reads K x K entries without bounds checks. Polarities are
 * interleaved: pixel (x, y), polarity p at {@code ((y + R) * paddedWidth + x + R) * 2 + p}.
 *
 * <p>An entry's age is (current bin - entry) mod 256; it is the true age of its event whenever
 * that is below 64 (the largest D), which the clock rules keep true:
 *
 * <ul>
 *   <li>when the clock moves by 64 bins or more at once, every entry is older than any delay:
 *       all are set to "old" (age 128);
 *   <li>otherwise, each time the clock crosses a multiple of 64 bins, entries of age &gt;= 64 are
 *       set to age 128. Between two such sweeps the clock moves less than 128 bins, so an entry's
 *       stored age never wraps past 256: young entries keep their true age (below 192), old ones
 *       stay in [128, 256).
 * </ul>
 *
 * A sweep is one pass over the surface every 64 bins (at 1 ms bins and 640 x 480: 0.6 MB every
 * 64 ms), allocation-free.
 */
final class TimeSurface {

  /** The surface read and written 8 entries at a time (little-endian: entry i + t is byte t). */
  static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  /** 0x80 in every byte. */
  static final long H = 0x8080808080808080L;
  /** 0x01 in every byte. */
  static final long ONES = 0x0101010101010101L;
  /** Bytes past the last entry, so that a long can be read starting at any entry. */
  static final int SLACK_BYTES = 8;

  /** Sweep period in bins; also the largest D the surface supports. */
  static final int EPOCH = 64;
  private static final int OLD_AGE = 128;

  final int paddedWidth;
  final int radius;
  final byte[] bins;
  private long current;
  private boolean started;

  TimeSurface(int widthPx, int heightPx, int radiusPx) {
    this.radius = radiusPx;
    this.paddedWidth = widthPx + 2 * radiusPx;
    long size = 2L * paddedWidth * (heightPx + 2L * radiusPx);
    if (size > (1 << 30)) {
      throw new IllegalArgumentException("motion detector: a " + widthPx + "x" + heightPx + " px sensor with kernel radius "
          + radiusPx + " needs a time surface of " + size + " entries (> 2^30)");
    }
    this.bins = new byte[(int) size + SLACK_BYTES];
    reset();
  }

  void reset() {
    started = false;
    current = 0;
    java.util.Arrays.fill(bins, (byte) -OLD_AGE);
  }

  /** Index of pixel (x, y), polarity 0. */
  int index(int x, int y) {
    return ((y + radius) * paddedWidth + x + radius) * 2;
  }

  /** Index of the top-left corner of the K x K neighbourhood centred on (x, y), polarity 0. */
  int corner(int x, int y) {
    return (y * paddedWidth + x) * 2;
  }

  /** Moves the clock to {@code bin} (never backwards) and returns the byte to store for it. */
  int moveTo(long bin) {
    if (!started) {
      started = true;
      current = bin;
      java.util.Arrays.fill(bins, (byte) (bin - OLD_AGE));
      return (int) bin & 0xFF;
    }
    if (bin >= current + EPOCH) {
      java.util.Arrays.fill(bins, (byte) (bin - OLD_AGE));
    } else if (bin / EPOCH != current / EPOCH) {
      sweep((int) bin & 0xFF);
    }
    current = bin;
    return (int) bin & 0xFF;
  }

  /**
   * The ages (cur - s) mod 256 of the 8 entries of {@code entries}, byte by byte, for the clock
   * byte {@code cur} in every byte of {@code clock} ({@code cur * ONES}): with H = 0x80 in every
   * byte, ((clock | H) - (s &amp; ~H)) xor ((~clock xor s) &amp; H), a subtraction without borrows
   * between bytes.
   */
  static long ages(long clock, long entries) {
    return ((clock | H) - (entries & ~H)) ^ ((~clock ^ entries) & H);
  }

  /**
   * Entries of age &gt;= 64 set to age 128, 8 per long ({@link #ages}): old when bit 6 or 7 of the
   * age is set, ((age | age &lt;&lt; 1) &amp; H); s = old ? cur - 128 : s.
   */
  private void sweep(int cur) {
    byte old = (byte) (cur - OLD_AGE);
    byte[] b = bins;
    long clock = (cur & 0xFFL) * ONES;
    long oldBytes = (old & 0xFFL) * ONES;
    int words = b.length / 8;
    for (int w = 0, i = 0; w < words; w++, i += 8) {
      long s = (long) LONGS.get(b, i);
      long age = ages(clock, s);
      long full = (((age | age << 1) & H) >>> 7) * 0xFF;
      LONGS.set(b, i, (s & ~full) | (oldBytes & full));
    }
    for (int i = 8 * words; i < b.length; i++) {
      if (((cur - b[i]) & 0xFF) >= EPOCH) {
        b[i] = old;
      }
    }
  }
}
