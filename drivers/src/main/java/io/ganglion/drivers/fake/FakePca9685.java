package io.ganglion.drivers.fake;

import com.pi4j.io.exception.IOException;

/**
 * NXP PCA9685 16-channel 12-bit PWM controller, modelled from its datasheet (Rev. 4):
 *
 * <ul>
 *   <li>MODE1 0x00 (power-on 0x11: SLEEP, ALLCALL), MODE2 0x01 (0x04: OUTDRV), SUBADR1..3,
 *       ALLCALLADR; RESTART (bit 7) is set when SLEEP is entered while a channel is active and is
 *       cleared by writing 1 to it;
 *   <li>LEDn_ON_L/H, LEDn_OFF_L/H at 0x06 + 4n (power-on: full OFF, bit 4 of LEDn_OFF_H); bits
 *       7..5 of the _H registers are read-only zero; full OFF takes precedence over full ON;
 *   <li>ALL_LED_ON/OFF 0xFA..0xFD load every channel and read back as zero;
 *   <li>PRE_SCALE 0xFE (power-on 0x1E): writes are blocked unless SLEEP is set; values below 3
 *       are forced to 3; output frequency = oscillator / (4096 (PRE_SCALE + 1));
 *   <li>Auto-Increment (MODE1 bit 5): the pointer moves after each byte, from 0x45 (LED15_OFF_H)
 *       back to 0x00 and from 0xFE back to 0x00; without AI it stays put;
 *   <li>the reserved addresses 0x46..0xF9 are not acknowledged (the transaction fails).
 * </ul>
 *
 * <p>{@link #pulseWidthUs(int)} gives what a scope would see on an output.
 */
public final class FakePca9685 extends FakeRegisterDevice {

  /** The internal oscillator's nominal frequency. */
  public static final double INTERNAL_OSCILLATOR_HZ = 25_000_000.0;

  private static final int MODE1 = 0x00;
  private static final int MODE2 = 0x01;
  private static final int LED0 = 0x06;
  private static final int LAST_LED = 0x45;
  private static final int ALL_LED = 0xFA;
  private static final int PRE_SCALE = 0xFE;
  private static final int TEST_MODE = 0xFF;
  private static final int RESTART = 0x80;
  private static final int AI = 0x20;
  private static final int SLEEP = 0x10;

  private final double oscillatorHz;
  private final int[] regs = new int[256];

  /** A PCA9685 at {@code address} running on its internal 25 MHz oscillator. */
  public FakePca9685(int address) {
    this(address, INTERNAL_OSCILLATOR_HZ);
  }

  /** A PCA9685 whose oscillator actually runs at {@code oscillatorHz} (they vary by a few %). */
  public FakePca9685(int address, double oscillatorHz) {
    super("PCA9685", address);
    this.oscillatorHz = oscillatorHz;
    powerOnReset();
  }

  @Override
  public synchronized void powerOnReset() {
    java.util.Arrays.fill(regs, 0);
    regs[MODE1] = 0x11;
    regs[MODE2] = 0x04;
    regs[0x02] = 0xE2;
    regs[0x03] = 0xE4;
    regs[0x04] = 0xE8;
    regs[0x05] = 0xE0;
    for (int ch = 0; ch < 16; ch++) {
      regs[LED0 + 4 * ch + 3] = 0x10;
    }
    regs[PRE_SCALE] = 0x1E;
    pointer = 0;
  }

  private static boolean reserved(int register) {
    return register > LAST_LED && register < ALL_LED;
  }

  @Override
  protected void pointerLoaded(int register) {
    if (reserved(register)) {
      throw new IOException(describe() + ": NACK, register 0x" + Integer.toHexString(register) + " is reserved");
    }
  }

  @Override
  protected int load(int register) {
    if (register >= ALL_LED && register < PRE_SCALE) {
      return 0;
    }
    return regs[register];
  }

  @Override
  protected void store(int register, int value) {
    if (register == MODE1) {
      int restart = regs[MODE1] & RESTART;
      boolean wasAsleep = (regs[MODE1] & SLEEP) != 0;
      boolean sleeps = (value & SLEEP) != 0;
      if ((value & RESTART) != 0) {
        restart = 0;
      } else if (!wasAsleep && sleeps && anyChannelActive()) {
        restart = RESTART;
      }
      regs[MODE1] = restart | (value & 0x7F);
    } else if (register == MODE2) {
      regs[MODE2] = value & 0x1F;
    } else if (register >= 0x02 && register <= 0x05) {
      regs[register] = value;
    } else if (register >= LED0 && register <= LAST_LED) {
      regs[register] = (register - LED0) % 2 == 1 ? value & 0x1F : value;
    } else if (register >= ALL_LED && register < PRE_SCALE) {
      int byteIndex = register - ALL_LED;
      int masked = byteIndex % 2 == 1 ? value & 0x1F : value;
      for (int ch = 0; ch < 16; ch++) {
        regs[LED0 + 4 * ch + byteIndex] = masked;
      }
    } else if (register == PRE_SCALE) {
      if ((regs[MODE1] & SLEEP) != 0) {
        regs[PRE_SCALE] = Math.max(3, value);
      }
    } else if (register == TEST_MODE) {
      regs[TEST_MODE] = value;
    } else {
      throw new IOException(describe() + ": NACK, register 0x" + Integer.toHexString(register) + " is reserved");
    }
  }

  @Override
  protected int nextPointer(int register, boolean write) {
    if ((regs[MODE1] & AI) == 0) {
      return register;
    }
    if (register == LAST_LED || register >= PRE_SCALE) {
      return 0;
    }
    return register + 1;
  }

  private boolean anyChannelActive() {
    for (int ch = 0; ch < 16; ch++) {
      if (!fullOffUnlocked(ch)) {
        return true;
      }
    }
    return false;
  }

  private boolean fullOffUnlocked(int ch) {
    return (regs[LED0 + 4 * ch + 3] & 0x10) != 0;
  }

  /** The raw register (ALL_LED registers show 0, as the chip returns). */
  public synchronized int register(int register) {
    return load(register);
  }

  /** MODE1. */
  public synchronized int mode1() {
    return regs[MODE1];
  }

  /** MODE2. */
  public synchronized int mode2() {
    return regs[MODE2];
  }

  /** PRE_SCALE. */
  public synchronized int prescale() {
    return regs[PRE_SCALE];
  }

  /** Whether the oscillator is off (MODE1.SLEEP): every output is then low. */
  public synchronized boolean isSleeping() {
    return (regs[MODE1] & SLEEP) != 0;
  }

  /** oscillator / (4096 (PRE_SCALE + 1)). */
  public synchronized double outputFrequencyHz() {
    return oscillatorHz / (4096.0 * (regs[PRE_SCALE] + 1));
  }

  /** The 12-bit LEDn_ON count of {@code channel}. */
  public synchronized int onCount(int channel) {
    int base = LED0 + 4 * channel;
    return ((regs[base + 1] & 0x0F) << 8) | regs[base];
  }

  /** The 12-bit LEDn_OFF count of {@code channel}. */
  public synchronized int offCount(int channel) {
    int base = LED0 + 4 * channel;
    return ((regs[base + 3] & 0x0F) << 8) | regs[base + 2];
  }

  /** LEDn_ON_H bit 4 (full ON), ignoring the precedence of full OFF. */
  public synchronized boolean fullOnBit(int channel) {
    return (regs[LED0 + 4 * channel + 1] & 0x10) != 0;
  }

  /** LEDn_OFF_H bit 4 (full OFF; takes precedence over full ON). */
  public synchronized boolean fullOffBit(int channel) {
    return fullOffUnlocked(channel);
  }

  /**
   * The high time of {@code channel}'s output per period, in microseconds: 0 when sleeping or
   * full OFF, one whole period when full ON, else ((OFF - ON) mod 4096) counts of
   * (PRE_SCALE + 1) / oscillator seconds each.
   */
  public synchronized double pulseWidthUs(int channel) {
    double countUs = (regs[PRE_SCALE] + 1) / oscillatorHz * 1e6;
    if (isSleeping() || fullOffUnlocked(channel)) {
      return 0.0;
    }
    if (fullOnBit(channel)) {
      return 4096 * countUs;
    }
    int width = (offCount(channel) - onCount(channel)) & 0xFFF;
    return width * countUs;
  }
}
