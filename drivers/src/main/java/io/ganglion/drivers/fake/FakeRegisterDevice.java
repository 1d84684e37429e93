package io.ganglion.drivers.fake;

/**
 * A chip with 8-bit registers behind a register pointer, the common I2C protocol: the first byte
 * of a write transaction loads the pointer, further bytes are stored at the pointer; a read
 * transaction returns bytes from the pointer. After each byte the pointer moves as the chip
 * defines ({@link #nextPointer}: auto-increment, roll-over, or staying put).
 */
public abstract class FakeRegisterDevice extends FakeI2CDevice {

  /** The register pointer (0..255). */
  protected int pointer;

  private int lastWriteRegister = -1;
  private int lastWriteDataBytes;

  protected FakeRegisterDevice(String chip, int address) {
    super(chip, address);
  }

  @Override
  protected void onWrite(byte[] data, int offset, int length) {
    if (length == 0) {
      return;
    }
    pointer = data[offset] & 0xFF;
    pointerLoaded(pointer);
    if (length > 1) {
      lastWriteRegister = pointer;
      lastWriteDataBytes = length - 1;
    }
    for (int i = 1; i < length; i++) {
      store(pointer, data[offset + i] & 0xFF);
      pointer = nextPointer(pointer, true);
    }
  }

  @Override
  protected void onRead(byte[] dest, int offset, int length) {
    beginRead(pointer);
    for (int i = 0; i < length; i++) {
      dest[offset + i] = (byte) load(pointer);
      pointer = nextPointer(pointer, false);
    }
  }

  /** The pointer loaded by the last write transaction that carried data (-1 before any). */
  public synchronized int lastWriteRegister() {
    return lastWriteRegister;
  }

  /** The data bytes (pointer excluded) of the last write transaction. */
  public synchronized int lastWriteDataBytes() {
    return lastWriteDataBytes;
  }

  /** Called when a write transaction loads the pointer (before any data byte). */
  protected void pointerLoaded(int register) {}

  /** Called at the start of a read transaction (e.g. to latch a coherent sample). */
  protected void beginRead(int register) {}

  /** The byte the chip returns for {@code register}. */
  protected abstract int load(int register);

  /** The chip's reaction to {@code value} written at {@code register}. */
  protected abstract void store(int register, int value);

  /** The pointer after a byte at {@code register} was written ({@code write}) or read. */
  protected abstract int nextPointer(int register, boolean write);
}
