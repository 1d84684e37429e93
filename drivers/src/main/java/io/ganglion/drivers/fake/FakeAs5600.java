package io.ganglion.drivers.fake;

import com.pi4j.io.exception.IOException;

/**
 * ams AS5600 12-bit magnetic rotary position sensor, modelled from its datasheet (v1-06):
 *
 * <ul>
 *   <li>configuration ZMCO 0x00, ZPOS 0x01/0x02, MPOS 0x03/0x04, MANG 0x05/0x06, CONF 0x07/0x08
 *       (read/write, power-on zero);
 *   <li>outputs RAW ANGLE 0x0C/0x0D and ANGLE 0x0E/0x0F (12 bits, high byte first, bits 15..12
 *       read zero); ANGLE is RAW ANGLE minus ZPOS, scaled to MANG (or MPOS - ZPOS) when set;
 *   <li>STATUS 0x0B: MD (bit 5) magnet detected, ML (bit 4) too weak, MH (bit 3) too strong;
 *       AGC 0x1A, MAGNITUDE 0x1B/0x1C;
 *   <li>the pointer auto-increments after every byte, except that a read started at the high
 *       byte of RAW ANGLE, ANGLE or MAGNITUDE alternates between its two bytes (so the angle can
 *       be re-read without a new pointer write); invalid addresses read zero, and writes to them
 *       are not acknowledged.
 * </ul>
 *
 * <p>The physical input is the magnet angle ({@link #setAngleRad}) and the magnet condition
 * ({@link #setMagnet}); {@link #setStuck} freezes the output registers.
 */
public final class FakeAs5600 extends FakeRegisterDevice {

  /** The AS5600's fixed address (the AS5600L defaults to 0x40). */
  public static final int DEFAULT_ADDRESS = 0x36;

  private static final int RAW_ANGLE = 0x0C;
  private static final int ANGLE = 0x0E;
  private static final int STATUS = 0x0B;
  private static final int AGC = 0x1A;
  private static final int MAGNITUDE = 0x1B;
  private static final int BURN = 0xFF;

  private final int[] config = new int[9];
  private int rawAngle;
  private boolean magnetDetected = true;
  private boolean tooWeak;
  private boolean tooStrong;
  private boolean stuck;
  private int frozenRaw;
  private int frozenStatus;
  private int readStart = -1;

  public FakeAs5600() {
    this(DEFAULT_ADDRESS);
  }

  public FakeAs5600(int address) {
    super("AS5600", address);
  }

  @Override
  public synchronized void powerOnReset() {
    java.util.Arrays.fill(config, 0);
    pointer = 0;
  }

  /** Sets the magnet angle; raw = round(angle / 2 pi * 4096) mod 4096. */
  public synchronized void setAngleRad(double angleRad) {
    long counts = Math.round(angleRad / (2 * Math.PI) * 4096.0);
    rawAngle = (int) Math.floorMod(counts, 4096L);
  }

  /** Sets the 12-bit raw angle directly. */
  public synchronized void setRawAngle(int raw) {
    rawAngle = raw & 0xFFF;
  }

  /** The current 12-bit raw angle. */
  public synchronized int rawAngle() {
    return rawAngle;
  }

  /** Sets the magnet condition reported in STATUS (MD, ML, MH) and AGC. */
  public synchronized void setMagnet(boolean detected, boolean weak, boolean strong) {
    magnetDetected = detected;
    tooWeak = weak;
    tooStrong = strong;
  }

  /** True: RAW ANGLE, ANGLE and STATUS keep their current values whatever the magnet does. */
  public synchronized void setStuck(boolean stuck) {
    if (stuck && !this.stuck) {
      frozenRaw = rawAngle;
      frozenStatus = status();
    }
    this.stuck = stuck;
  }

  private int status() {
    return (magnetDetected ? 0x20 : 0) | (tooWeak ? 0x10 : 0) | (tooStrong ? 0x08 : 0);
  }

  private int currentRaw() {
    return stuck ? frozenRaw : rawAngle;
  }

  private int scaledAngle() {
    int zpos = ((config[1] & 0x0F) << 8) | config[2];
    int mpos = ((config[3] & 0x0F) << 8) | config[4];
    int mang = ((config[5] & 0x0F) << 8) | config[6];
    int rel = (currentRaw() - zpos) & 0xFFF;
    int range = mang != 0 ? mang : mpos != 0 ? (mpos - zpos) & 0xFFF : 4096;
    if (range == 4096) {
      return rel;
    }
    return Math.min(4095, (int) ((long) rel * 4096 / range));
  }

  private static boolean valid(int register) {
    return register <= 0x08 || (register >= 0x0B && register <= 0x0F)
        || (register >= 0x1A && register <= 0x1C) || register == BURN;
  }

  @Override
  protected void pointerLoaded(int register) {
    if (!valid(register)) {
      throw new IOException(describe() + ": NACK, register 0x" + Integer.toHexString(register) + " is invalid");
    }
  }

  @Override
  protected void beginRead(int register) {
    readStart = register;
  }

  @Override
  protected int load(int register) {
    switch (register) {
      case STATUS:
        return stuck ? frozenStatus : status();
      case RAW_ANGLE:
        return currentRaw() >>> 8;
      case RAW_ANGLE + 1:
        return currentRaw() & 0xFF;
      case ANGLE:
        return scaledAngle() >>> 8;
      case ANGLE + 1:
        return scaledAngle() & 0xFF;
      case AGC:
        return tooWeak ? 255 : tooStrong ? 0 : 128;
      case MAGNITUDE:
        return magnitude() >>> 8;
      case MAGNITUDE + 1:
        return magnitude() & 0xFF;
      default:
        return register <= 0x08 ? config[register] : 0;
    }
  }

  private int magnitude() {
    return !magnetDetected ? 0 : tooWeak ? 300 : tooStrong ? 4000 : 2000;
  }

  @Override
  protected void store(int register, int value) {
    if (register <= 0x08 && register >= 0x01) {
      config[register] = value;
    } else if (register != BURN) {
      throw new IOException(describe() + ": NACK, register 0x" + Integer.toHexString(register) + " is read-only");
    }
  }

  @Override
  protected int nextPointer(int register, boolean write) {
    if (!write && (readStart == RAW_ANGLE || readStart == ANGLE || readStart == MAGNITUDE)) {
      return register == readStart ? register + 1 : readStart;
    }
    return (register + 1) & 0xFF;
  }
}
