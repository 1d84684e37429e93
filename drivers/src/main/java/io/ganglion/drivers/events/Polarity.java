package io.ganglion.drivers.events;

/** The sign of a brightness change: {@link #ON} (brighter) or {@link #OFF} (darker). */
public enum Polarity {
  /** Log-intensity decreased by at least the contrast threshold. Stored as bit 0. */
  OFF,
  /** Log-intensity increased by at least the contrast threshold. Stored as bit 1. */
  ON;

  /** The value {@link EventBuffer#polarity} stores for OFF events. */
  public static final byte OFF_BIT = 0;
  /** The value {@link EventBuffer#polarity} stores for ON events. */
  public static final byte ON_BIT = 1;

  /** {@link #ON_BIT} or {@link #OFF_BIT}. */
  public byte bit() {
    return this == ON ? ON_BIT : OFF_BIT;
  }

  /** The polarity of a stored bit: 0 is OFF, anything else ON. */
  public static Polarity ofBit(int bit) {
    return bit == 0 ? OFF : ON;
  }

  /** ON when {@code on} is true. */
  public static Polarity of(boolean on) {
    return on ? ON : OFF;
  }
}
