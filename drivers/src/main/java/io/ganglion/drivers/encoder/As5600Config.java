package io.ganglion.drivers.encoder;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.i2c.I2cChecks;
import io.ganglion.drivers.i2c.I2cMuxChannel;

/**
 * An AS5600 magnetic angle encoder. The AS5600's address is fixed (0x36), so several encoders
 * need one bus each (Raspberry Pi: /dev/i2c-1 plus extra buses from the i2c-gpio overlay) or a
 * TCA9548A mux: give each encoder its {@code mux} channel.
 *
 * @param name unique device name (Pi4J id "as5600-NAME")
 * @param bus Linux I2C bus number
 * @param address 0x36 for the AS5600 (0x08..0x77 accepted for the AS5600L and address translators)
 * @param mux the TCA9548A channel in front of it, or null when it sits directly on the bus
 * @param zeroOffsetRad the raw angle that reads as 0 (mechanical zero), in [-2 pi, 2 pi]
 * @param direction +1: angle grows with raw counts; -1: the other way (mirrored joint)
 */
public record As5600Config(String name, int bus, int address, I2cMuxChannel mux, double zeroOffsetRad, int direction) {

  public As5600Config {
    I2cChecks.name("AS5600", name);
    String what = "AS5600 '" + name + "'";
    I2cChecks.bus(what, bus);
    I2cChecks.address(what, address, 0x08, 0x77);
    if (!Double.isFinite(zeroOffsetRad) || Math.abs(zeroOffsetRad) > 2 * Math.PI) {
      throw new InvalidInputException(what + ": zeroOffsetRad " + zeroOffsetRad + " must be finite within [-2pi, 2pi]");
    }
    if (direction != 1 && direction != -1) {
      throw new InvalidInputException(what + ": direction " + direction + " must be +1 or -1");
    }
    if (mux != null && mux.address() == address) {
      throw new InvalidInputException(what + ": the mux and the encoder cannot share address " + I2cChecks.hex(address));
    }
  }

  /** An AS5600 at 0x36 directly on {@code bus}. */
  public static As5600Config direct(String name, int bus, double zeroOffsetRad, int direction) {
    return new As5600Config(name, bus, As5600Registers.DEFAULT_ADDRESS, null, zeroOffsetRad, direction);
  }

  /** An AS5600 at 0x36 behind {@code mux}. */
  public static As5600Config behindMux(String name, int bus, I2cMuxChannel mux, double zeroOffsetRad, int direction) {
    return new As5600Config(name, bus, As5600Registers.DEFAULT_ADDRESS, mux, zeroOffsetRad, direction);
  }
}
