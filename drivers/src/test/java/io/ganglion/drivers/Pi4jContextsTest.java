package io.ganglion.drivers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.pi4j.context.Context;
import io.ganglion.drivers.encoder.As5600Config;
import io.ganglion.drivers.encoder.EncoderIOPi4j;
import io.ganglion.drivers.gpio.EStopConfig;
import io.ganglion.drivers.gpio.EStopIOPi4j;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The real-board context uses linuxfs and gpiod only; off a board (no /dev/i2c-1, no
 * /dev/gpiochip0) opening a device fails at construction with a message that says what to do.
 */
class Pi4jContextsTest {

  @Test
  void offABoardOpeningDevicesFailsAtConstructionWithAnActionableMessage() {
    assumeFalse(Files.exists(Path.of("/dev/gpiochip0")) || Files.exists(Path.of("/dev/i2c-1")),
        "this machine has GPIO/I2C hardware");
    Context context = Pi4jContexts.raspberryPi();
    try {
      assertTrue(context.hasProvider("linuxfs-i2c"), "linuxfs I2C provider");
      assertTrue(context.hasProvider("gpiod-digital-input"), "gpiod input provider");
      assertTrue(context.hasProvider("gpiod-digital-output"), "gpiod output provider");
      InvalidInputException i2c = assertThrows(InvalidInputException.class,
          () -> new EncoderIOPi4j(context, As5600Config.direct("knee", 1, 0, 1)));
      assertTrue(i2c.getMessage().contains("--mock"), i2c.getMessage());
      InvalidInputException gpio = assertThrows(InvalidInputException.class,
          () -> new EStopIOPi4j(context, EStopConfig.normallyClosedToGround("stop", 17)));
      assertTrue(gpio.getMessage().contains("--mock"), gpio.getMessage());
      System.out.println(i2c.getMessage());
      System.out.println(gpio.getMessage());
    } finally {
      context.shutdown();
    }
  }
}
