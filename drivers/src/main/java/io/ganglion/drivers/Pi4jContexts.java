package io.ganglion.drivers;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;

/**
 * Builds the Pi4J {@link Context} of a real board: linuxfs for I2C ({@code /dev/i2c-N}) and gpiod
 * for GPIO ({@code /dev/gpiochipN}), both usable without root by a user in the {@code i2c} and
 * {@code gpio} groups. Auto-detection is off on purpose: exactly these providers are used whatever
 * else is on the classpath (linuxfs also offers GPIO providers, a mock plugin must never be picked
 * on a board), and Pi4J 2.x keeps one provider per I/O type. The composition root (firmware) calls this once and passes the context to every driver;
 * {@code ganglion run --mock} uses {@code fake.FakeBoard#context()} instead.
 */
public final class Pi4jContexts {

  private Pi4jContexts() {}

  /**
   * The board context.
   *
   * @throws GanglionException when the providers cannot start (not a Linux board with gpiod, the
   *     native libraries do not load on this CPU, no permission on /dev/gpiochip0)
   */
  public static Context raspberryPi() {
    try {
      return Pi4J.newContextBuilder()
          .noAutoDetect()
          .add(LinuxFsI2CProvider.newInstance(), GpioDDigitalInputProvider.newInstance(),
              GpioDDigitalOutputProvider.newInstance())
          .build();
    } catch (RuntimeException | LinkageError e) {
      throw new GanglionException("cannot start Pi4J with the gpiod (GPIO) and linuxfs (I2C) providers: " + e
          + "; on a Raspberry Pi add the user to the groups gpio and i2c and enable I2C (raspi-config),"
          + " elsewhere run with --mock", e);
    }
  }
}
