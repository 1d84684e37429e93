package io.ganglion.drivers.i2c;

import io.ganglion.drivers.InvalidInputException;

/**
 * A channel of a TCA9548A 8-channel I2C multiplexer. Chips with a fixed address (AS5600 at
 * 0x36) can share one bus only behind a mux: the driver writes the channel mask
 * {@code 1 << channel} to the mux's control register before every transaction with its chip.
 *
 * @param address the mux's 7-bit address, 0x70..0x77 (A2..A0 pins)
 * @param channel the downstream channel, 0..7
 */
public record I2cMuxChannel(int address, int channel) {

  /** TCA9548A base address (A2 = A1 = A0 = low). */
  public static final int TCA9548A_BASE_ADDRESS = 0x70;

  public I2cMuxChannel {
    I2cChecks.address("TCA9548A mux", address, 0x70, 0x77);
    if (channel < 0 || channel > 7) {
      throw new InvalidInputException("TCA9548A mux " + I2cChecks.hex(address) + ": channel " + channel
          + " is out of range 0..7");
    }
  }

  /** The control-register value that enables only this channel. */
  public int controlMask() {
    return 1 << channel;
  }
}
