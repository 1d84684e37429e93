package io.ganglion.drivers.fake;

import io.ganglion.drivers.InvalidInputException;
import java.util.HashMap;
import java.util.Map;

/** The fake board's GPIO lines by BCM number (0..27 on the 40-pin header), created on first use. */
public final class FakeGpio {

  private final Map<Integer, FakeGpioPin> pins = new HashMap<>();

  /** The line {@code bcm}, created (floating, no pull) on first use. */
  public synchronized FakeGpioPin pin(int bcm) {
    if (bcm < 0 || bcm > 27) {
      throw new InvalidInputException("fake GPIO: BCM line " + bcm + " is out of range 0..27");
    }
    return pins.computeIfAbsent(bcm, FakeGpioPin::new);
  }
}
