package io.ganglion.drivers.fake;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBase;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProvider;
import java.util.Objects;

/**
 * A Pi4J {@link I2C} handle on a fake bus: the drivers call the same Pi4J methods as on a board,
 * and the bytes reach the register-level fake that {@link FakeI2CNetwork} routes the address to.
 * Register reads are a pointer write followed by a read with a repeated start (like linuxfs's
 * I2C_RDWR ioctl); register writes send the pointer and the data in one write transaction.
 *
 * <p>Transfers of up to 256 data bytes allocate nothing (a scratch buffer is preallocated).
 */
public final class FakeI2C extends I2CBase<FakeI2CBus> {

  private static final int SCRATCH = 257;

  private final byte[] scratch = new byte[SCRATCH];
  private final int address;

  FakeI2C(I2CProvider provider, I2CConfig config, FakeI2CBus bus) {
    super(provider, config, bus);
    this.address = config.device();
  }

  private void checkOpen() {
    if (!isOpen) {
      throw new com.pi4j.io.exception.IOException("fake I2C " + id() + " is closed");
    }
  }

  @Override
  public int write(byte b) {
    checkOpen();
    synchronized (scratch) {
      scratch[0] = b;
      i2CBus.write(address, scratch, 0, 1);
    }
    return 1;
  }

  @Override
  public int write(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    checkOpen();
    i2CBus.write(address, data, offset, length);
    return length;
  }

  @Override
  public int read() {
    checkOpen();
    synchronized (scratch) {
      i2CBus.read(address, scratch, 0, 1);
      return scratch[0] & 0xFF;
    }
  }

  @Override
  public int read(byte[] dest, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, dest.length);
    checkOpen();
    i2CBus.read(address, dest, offset, length);
    return length;
  }

  @Override
  public int writeRegister(int register, byte b) {
    checkOpen();
    synchronized (scratch) {
      scratch[0] = (byte) register;
      scratch[1] = b;
      i2CBus.write(address, scratch, 0, 2);
    }
    return 1;
  }

  @Override
  public int writeRegister(int register, byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    checkOpen();
    synchronized (scratch) {
      byte[] buf = length + 1 <= SCRATCH ? scratch : new byte[length + 1];
      buf[0] = (byte) register;
      System.arraycopy(data, offset, buf, 1, length);
      i2CBus.write(address, buf, 0, length + 1);
    }
    return length;
  }

  @Override
  public int writeRegister(byte[] register, byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    checkOpen();
    synchronized (scratch) {
      int total = register.length + length;
      byte[] buf = total <= SCRATCH ? scratch : new byte[total];
      System.arraycopy(register, 0, buf, 0, register.length);
      System.arraycopy(data, offset, buf, register.length, length);
      i2CBus.write(address, buf, 0, total);
    }
    return length;
  }

  @Override
  public int readRegister(int register) {
    checkOpen();
    synchronized (scratch) {
      scratch[0] = (byte) register;
      i2CBus.writeRead(address, scratch, 0, 1, scratch, 1, 1);
      return scratch[1] & 0xFF;
    }
  }

  @Override
  public int readRegister(int register, byte[] dest, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, dest.length);
    checkOpen();
    synchronized (scratch) {
      scratch[0] = (byte) register;
      i2CBus.writeRead(address, scratch, 0, 1, dest, offset, length);
    }
    return length;
  }

  @Override
  public int readRegister(byte[] register, byte[] dest, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, dest.length);
    checkOpen();
    i2CBus.writeRead(address, register, 0, register.length, dest, offset, length);
    return length;
  }
}
