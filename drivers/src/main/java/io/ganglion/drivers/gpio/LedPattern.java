package io.ganglion.drivers.gpio;

/**
 * Status LED patterns, each a period and the on-windows within it. The LED state is a pure
 * function of the time since the pattern was set, so the loop's tick drives it (no thread).
 */
public enum LedPattern {
  /** Always off. */
  OFF(1_000_000_000L, new long[0]),
  /** Always on. */
  ON(1_000_000_000L, new long[] {0, 1_000_000_000L}),
  /** 1 Hz, 50 %: idle / disarmed. */
  SLOW_BLINK(1_000_000_000L, new long[] {0, 500_000_000L}),
  /** 5 Hz, 50 %: armed and running. */
  FAST_BLINK(200_000_000L, new long[] {0, 100_000_000L}),
  /** Two 100 ms flashes per second: failsafe. */
  DOUBLE_FLASH(1_000_000_000L, new long[] {0, 100_000_000L, 200_000_000L, 300_000_000L});

  private final long periodNanos;
  private final long[] windows;

  LedPattern(long periodNanos, long[] windows) {
    this.periodNanos = periodNanos;
    this.windows = windows;
  }

  /** The pattern's period in nanoseconds. */
  public long periodNanos() {
    return periodNanos;
  }

  /** Whether the LED is on {@code elapsedNanos} after the pattern started (negative counts as 0). */
  public boolean isOn(long elapsedNanos) {
    long phase = Math.floorMod(Math.max(0L, elapsedNanos), periodNanos);
    for (int i = 0; i < windows.length; i += 2) {
      if (phase >= windows[i] && phase < windows[i + 1]) {
        return true;
      }
    }
    return false;
  }
}
