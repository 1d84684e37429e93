package io.ganglion.drivers.gpio;

import io.ganglion.drivers.InvalidInputException;

/** Construction-time checks for GPIO configs. */
final class GpioChecks {

  private GpioChecks() {}

  static void pin(String what, int bcm) {
    if (bcm < 0 || bcm > 27) {
      throw new InvalidInputException(what + ": pin " + bcm
          + " is out of range; use a BCM GPIO number 0..27 of the 40-pin header (not the physical pin number)");
    }
  }

  static void name(String kind, String name) {
    if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9_.-]+")) {
      throw new InvalidInputException(kind + ": name '" + name + "' must be non-empty letters, digits, '_', '.', '-'");
    }
  }
}
