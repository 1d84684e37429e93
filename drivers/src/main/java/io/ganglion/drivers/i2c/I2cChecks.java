package io.ganglion.drivers.i2c;

import io.ganglion.drivers.InvalidInputException;

/** Construction-time checks shared by the I2C device configs; each failure is one clear line. */
public final class I2cChecks {

  private I2cChecks() {}

  /** A device name: used in Pi4J ids and messages, so non-blank and made of [A-Za-z0-9_.-]. */
  public static String name(String kind, String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException(kind + ": name is missing; give every device a unique name");
    }
    if (!name.matches("[A-Za-z0-9_.-]+")) {
      throw new InvalidInputException(kind + " '" + name + "': name may only contain letters, digits, '_', '.', '-'");
    }
    return name;
  }

  /** A Linux I2C bus number ({@code /dev/i2c-N}); the Raspberry Pi header bus is 1. */
  public static void bus(String what, int bus) {
    if (bus < 0 || bus > 255) {
      throw new InvalidInputException(what + ": bus " + bus + " is out of range 0..255 (the Raspberry Pi header bus is 1)");
    }
  }

  /** A 7-bit address within {@code [min, max]} (the range the chip's address pins allow). */
  public static void address(String what, int address, int min, int max) {
    if (address < min || address > max) {
      throw new InvalidInputException(what + ": address " + hex(address) + " is out of range "
          + hex(min) + ".." + hex(max) + " for this chip");
    }
  }

  /** {@code 0x36} style. */
  public static String hex(int value) {
    return String.format("0x%02X", value);
  }
}
