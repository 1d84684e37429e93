package io.ganglion.drivers.gpio;

/**
 * The status LED output.
 *
 * @param name unique name (Pi4J id "led-NAME")
 * @param pin BCM GPIO number 0..27
 * @param activeHigh true: the pin drives the LED on when high (LED + resistor to GND)
 */
public record StatusLedConfig(String name, int pin, boolean activeHigh) {

  public StatusLedConfig {
    GpioChecks.name("status LED", name);
    GpioChecks.pin("status LED '" + name + "'", pin);
  }
}
