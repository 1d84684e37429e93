package io.ganglion.drivers.fake;

/**
 * TCA9548A 8-channel I2C switch. It has a single control register and no register pointer: a
 * write transaction stores its last byte in the control register (bit n enables downstream
 * channel n), a read transaction returns it. Power-on value 0x00 (all channels off). Devices
 * attached behind a channel answer only while that channel is enabled (see {@link FakeI2CNetwork}).
 */
public final class FakeTca9548a extends FakeI2CDevice {

  private int control;
  private long selections;

  public FakeTca9548a(int address) {
    super("TCA9548A", address);
    if (address < 0x70 || address > 0x77) {
      throw new IllegalArgumentException("TCA9548A address must be 0x70..0x77, got " + address);
    }
  }

  /** The control register: bit n set means channel n is connected. */
  public synchronized int control() {
    return control;
  }

  /** Write transactions that changed or re-set the control register. */
  public synchronized long selections() {
    return selections;
  }

  synchronized boolean channelEnabled(int channel) {
    return isPresent() && (control & (1 << channel)) != 0;
  }

  @Override
  public synchronized void powerOnReset() {
    control = 0;
  }

  @Override
  protected void onWrite(byte[] data, int offset, int length) {
    if (length > 0) {
      control = data[offset + length - 1] & 0xFF;
      selections++;
    }
  }

  @Override
  protected void onRead(byte[] dest, int offset, int length) {
    for (int i = 0; i < length; i++) {
      dest[offset + i] = (byte) control;
    }
  }
}
