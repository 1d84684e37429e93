package io.ganglion.drivers.fake;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CBusBase;
import com.pi4j.io.i2c.I2CConfig;
import java.util.concurrent.Callable;

/**
 * One fake I2C bus as Pi4J sees it (the counterpart of linuxfs's {@code LinuxFsI2CBus}): every
 * {@link FakeI2C} on the same bus number shares it, and transactions on it are serialised.
 */
public final class FakeI2CBus extends I2CBusBase {

  private final FakeI2CNetwork.Segment segment;

  FakeI2CBus(I2CConfig config, FakeI2CNetwork.Segment segment) {
    super(config);
    this.segment = segment;
  }

  /** The bus number. */
  public int number() {
    return bus;
  }

  @Override
  public <R> R execute(I2C i2c, Callable<R> action) {
    return _execute(i2c, action);
  }

  synchronized void write(int address, byte[] data, int offset, int length) {
    segment.route(address).busWrite(data, offset, length);
  }

  synchronized void read(int address, byte[] dest, int offset, int length) {
    segment.route(address).busRead(dest, offset, length);
  }

  /** A write then a read with a repeated start, as one atomic bus operation (I2C_RDWR). */
  synchronized void writeRead(int address, byte[] data, int dataOffset, int dataLength,
      byte[] dest, int destOffset, int destLength) {
    FakeI2CDevice device = segment.route(address);
    device.busWrite(data, dataOffset, dataLength);
    device.busRead(dest, destOffset, destLength);
  }
}
