package io.ganglion.drivers.gpio;

import io.ganglion.drivers.InvalidInputException;

/**
 * The emergency-stop input. Recommended wiring, fail-safe against a cut wire: a normally-closed
 * contact from the pin to GND, internal pull-up, {@code activeHigh = true}: closed (released)
 * reads low, pressed or a broken wire reads high.
 *
 * <p>Debounce counts samples of the loop that calls {@code updateInputs}: at 1 kHz,
 * {@code pressSamples = 3} is 3 ms. Pressing is recognised quickly, releasing slowly.
 *
 * @param name unique name (Pi4J id "estop-NAME")
 * @param pin BCM GPIO number 0..27
 * @param activeHigh true: high means pressed; false: low means pressed
 * @param pull internal pull resistor
 * @param pressSamples consecutive active samples to report pressed (>= 1)
 * @param releaseSamples consecutive inactive samples to report released (>= 1)
 */
public record EStopConfig(String name, int pin, boolean activeHigh, Pull pull, int pressSamples, int releaseSamples) {

  public EStopConfig {
    GpioChecks.name("e-stop", name);
    String what = "e-stop '" + name + "'";
    GpioChecks.pin(what, pin);
    if (pull == null) {
      throw new InvalidInputException(what + ": pull is missing (NONE, UP or DOWN)");
    }
    if (pressSamples < 1 || pressSamples > 100_000) {
      throw new InvalidInputException(what + ": pressSamples " + pressSamples + " must be 1..100000");
    }
    if (releaseSamples < 1 || releaseSamples > 100_000) {
      throw new InvalidInputException(what + ": releaseSamples " + releaseSamples + " must be 1..100000");
    }
  }

  /** NC contact to GND with pull-up (active high), 3 samples to press, 50 to release. */
  public static EStopConfig normallyClosedToGround(String name, int pin) {
    return new EStopConfig(name, pin, true, Pull.UP, 3, 50);
  }
}
