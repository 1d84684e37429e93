package io.ganglion.drivers.fake;

import io.ganglion.drivers.NanoClock;

/**
 * TI ADS1115 16-bit ADC, modelled from its datasheet (SBAS444D):
 *
 * <ul>
 *   <li>a 2-bit address pointer (first byte of a write transaction) selects Conversion 0x00,
 *       Config 0x01, Lo_thresh 0x02, Hi_thresh 0x03; registers are 16-bit, sent MSB first; a read
 *       returns the pointed register (repeating);
 *   <li>Config power-on 0x8583: OS, MUX 14..12, PGA 11..9, MODE 8 (1 = single-shot), DR 7..5,
 *       comparator 4..0; reading OS gives 0 while a conversion is in progress, 1 otherwise;
 *   <li>single-shot: writing OS = 1 starts one conversion that completes 1/DR seconds later (on
 *       the board's clock) and updates the Conversion register; continuous: a conversion completes
 *       every 1/DR seconds from the Config write;
 *   <li>Conversion = clamp(round((V(AINp) - V(AINn)) / FSR * 32768), -32768, 32767), FSR from PGA
 *       (6.144, 4.096, 2.048, 1.024, 0.512, 0.256 V), AINn = GND for single-ended inputs.
 * </ul>
 */
public final class FakeAds1115 extends FakeI2CDevice {

  public static final int DEFAULT_ADDRESS = 0x48;
  private static final double[] FSR = {6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256};
  private static final int[] SPS = {8, 16, 32, 64, 128, 250, 475, 860};
  /** Positive and negative input of each MUX setting; 4 = GND. */
  private static final int[][] MUX = {{0, 1}, {0, 3}, {1, 3}, {2, 3}, {0, 4}, {1, 4}, {2, 4}, {3, 4}};

  private final NanoClock clock;
  private final double[] ainVolts = new double[5];
  private int pointer;
  private int config;
  private int conversion;
  private int loThresh;
  private int hiThresh;
  private boolean converting;
  private long conversionEndNanos;
  private long continuousStartNanos;
  private long continuousDone;
  private boolean stuck;
  private boolean stalled;
  private long conversions;

  public FakeAds1115(int address, NanoClock clock) {
    super("ADS1115", address);
    if (address < 0x48 || address > 0x4B) {
      throw new IllegalArgumentException("ADS1115 address must be 0x48..0x4B, got " + address);
    }
    this.clock = clock;
    powerOnReset();
  }

  @Override
  public synchronized void powerOnReset() {
    pointer = 0;
    config = 0x8583;
    conversion = 0;
    loThresh = 0x8000;
    hiThresh = 0x7FFF;
    converting = false;
  }

  /** Sets the voltage at AIN0..AIN3 (relative to GND). */
  public synchronized void setInputVoltage(int ain, double volts) {
    if (ain < 0 || ain > 3) {
      throw new IllegalArgumentException("ADS1115 inputs are AIN0..AIN3, got " + ain);
    }
    ainVolts[ain] = volts;
  }

  /** True: the Conversion register stops changing (conversions still "complete"). */
  public synchronized void setStuck(boolean stuck) {
    this.stuck = stuck;
  }

  /** True: started conversions never complete (OS keeps reading 0), as a hung chip. */
  public synchronized void setStalled(boolean stalled) {
    this.stalled = stalled;
  }

  /** The Config register as stored (OS bit as last written). */
  public synchronized int config() {
    return config;
  }

  /** Conversions completed since power-on. */
  public synchronized long conversions() {
    return conversions;
  }

  /** Whether the chip is in continuous-conversion mode. */
  public synchronized boolean continuous() {
    return (config & 0x0100) == 0;
  }

  /** Nominal conversion time for the current data rate: 1 / DR seconds. */
  public synchronized long conversionNanos() {
    return 1_000_000_000L / SPS[(config >> 5) & 7];
  }

  private int code() {
    int[] m = MUX[(config >> 12) & 7];
    double diff = ainVolts[m[0]] - ainVolts[m[1]];
    double fsr = FSR[(config >> 9) & 7];
    long c = Math.round(diff / fsr * 32768.0);
    return (int) Math.max(-32768, Math.min(32767, c));
  }

  private void complete(int value) {
    if (!stuck) {
      conversion = value & 0xFFFF;
    }
    conversions++;
  }

  /** Brings the conversion state up to the board's clock. */
  private void advance() {
    if (stalled) {
      return;
    }
    long now = clock.nanoTime();
    if (continuous()) {
      long done = (now - continuousStartNanos) / conversionNanos();
      if (done > continuousDone) {
        continuousDone = done;
        complete(code());
      }
    } else if (converting && now - conversionEndNanos >= 0) {
      converting = false;
      complete(code());
    }
  }

  @Override
  protected void onWrite(byte[] data, int offset, int length) {
    if (length == 0) {
      return;
    }
    advance();
    pointer = data[offset] & 0x03;
    if (length < 3) {
      return; // pointer only (or an incomplete word, ignored as by the chip)
    }
    int value = ((data[offset + 1] & 0xFF) << 8) | (data[offset + 2] & 0xFF);
    switch (pointer) {
      case 1:
        writeConfig(value);
        break;
      case 2:
        loThresh = value;
        break;
      case 3:
        hiThresh = value;
        break;
      default:
        break; // Conversion is read-only
    }
  }

  private void writeConfig(int value) {
    long now = clock.nanoTime();
    config = value & 0x7FFF;
    if ((value & 0x0100) == 0) {
      converting = false;
      continuousStartNanos = now;
      continuousDone = 0;
    } else if ((value & 0x8000) != 0 && !converting) {
      converting = true;
      conversionEndNanos = now + conversionNanos();
    }
  }

  @Override
  protected void onRead(byte[] dest, int offset, int length) {
    advance();
    int value;
    switch (pointer) {
      case 0:
        value = conversion;
        break;
      case 1:
        boolean busy = continuous() || converting;
        value = (busy ? 0 : 0x8000) | config;
        break;
      case 2:
        value = loThresh;
        break;
      default:
        value = hiThresh;
        break;
    }
    for (int i = 0; i < length; i++) {
      dest[offset + i] = (byte) (i % 2 == 0 ? value >>> 8 : value);
    }
  }
}
