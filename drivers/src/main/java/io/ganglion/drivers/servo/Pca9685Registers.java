package io.ganglion.drivers.servo;

/**
 * PCA9685 register map and the arithmetic of its PWM timing (NXP datasheet Rev. 4, sections 7.3
 * and 7.3.5). One PWM period is 4096 counts of (PRE_SCALE + 1) oscillator cycles.
 */
public final class Pca9685Registers {

  public static final int MODE1 = 0x00;
  public static final int MODE2 = 0x01;
  /** LED0_ON_L; channel n's four registers ON_L, ON_H, OFF_L, OFF_H start at 0x06 + 4n. */
  public static final int LED0_ON_L = 0x06;
  /** ALL_LED_ON_L; ALL_LED_ON_H, ALL_LED_OFF_L, ALL_LED_OFF_H follow. */
  public static final int ALL_LED_ON_L = 0xFA;
  public static final int PRE_SCALE = 0xFE;

  /** MODE1 bit 7: restart after sleep (write 1 to clear). */
  public static final int MODE1_RESTART = 0x80;
  /** MODE1 bit 5: register auto-increment. */
  public static final int MODE1_AI = 0x20;
  /** MODE1 bit 4: low-power mode, oscillator off (required to write PRE_SCALE). */
  public static final int MODE1_SLEEP = 0x10;
  /** MODE2 bit 2: totem-pole outputs (power-on default). */
  public static final int MODE2_OUTDRV = 0x04;
  /** Bit 4 of LEDn_ON_H: output always on. */
  public static final int FULL_ON = 0x10;
  /** Bit 4 of LEDn_OFF_H: output always off (wins over FULL_ON). */
  public static final int FULL_OFF = 0x10;

  /** The internal oscillator's nominal frequency. */
  public static final double INTERNAL_OSCILLATOR_HZ = 25_000_000.0;
  /** Counts per PWM period. */
  public static final int COUNTS_PER_PERIOD = 4096;
  public static final int MIN_PRESCALE = 3;
  public static final int MAX_PRESCALE = 255;

  private Pca9685Registers() {}

  /** First register of channel {@code channel}'s LEDn_ON_L..LEDn_OFF_H block. */
  public static int ledOnL(int channel) {
    return LED0_ON_L + 4 * channel;
  }

  /** prescale = round(oscillator / (4096 f)) - 1 (datasheet equation 1); may fall outside 3..255. */
  public static int prescaleFor(double frequencyHz, double oscillatorHz) {
    return (int) Math.round(oscillatorHz / (COUNTS_PER_PERIOD * frequencyHz)) - 1;
  }

  /** f = oscillator / (4096 (prescale + 1)): the frequency the chip really produces. */
  public static double frequencyFor(int prescale, double oscillatorHz) {
    return oscillatorHz / (COUNTS_PER_PERIOD * (prescale + 1.0));
  }

  /** One count lasts (prescale + 1) / oscillator seconds: returned in microseconds. */
  public static double countDurationUs(int prescale, double oscillatorHz) {
    return (prescale + 1.0) / oscillatorHz * 1e6;
  }

  /**
   * counts = round(pulse / count duration) = round(pulseUs * oscillator / (1e6 (prescale + 1))),
   * not clamped: {@code <= 0} means full off, {@code >= 4096} full on.
   */
  public static int countsFor(double pulseUs, int prescale, double oscillatorHz) {
    return (int) Math.round(pulseUs * oscillatorHz / (1e6 * (prescale + 1.0)));
  }

  /**
   * Writes channel registers ON_L, ON_H, OFF_L, OFF_H for {@code counts} at {@code dest[offset..+4)}:
   * ON = 0 and OFF = counts, or full off ({@code counts <= 0}), or full on ({@code counts >= 4096}).
   */
  public static void encodeChannel(int counts, byte[] dest, int offset) {
    dest[offset] = 0;
    dest[offset + 2] = 0;
    if (counts <= 0) {
      dest[offset + 1] = 0;
      dest[offset + 3] = (byte) FULL_OFF;
    } else if (counts >= COUNTS_PER_PERIOD) {
      dest[offset + 1] = (byte) FULL_ON;
      dest[offset + 3] = 0;
    } else {
      dest[offset + 1] = 0;
      dest[offset + 2] = (byte) counts;
      dest[offset + 3] = (byte) (counts >>> 8);
    }
  }
}
