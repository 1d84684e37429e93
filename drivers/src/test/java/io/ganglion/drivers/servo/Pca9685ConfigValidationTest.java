package io.ganglion.drivers.servo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad PCA9685 and channel configs are refused at construction with one clear line. */
class Pca9685ConfigValidationTest {

  private static final ServoChannelConfig OK = ServoChannelConfig.normalized("a", 0, 1000, 2000, 1, 0);

  private static String message(Runnable r) {
    InvalidInputException e = assertThrows(InvalidInputException.class, r::run);
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    return e.getMessage();
  }

  @Test
  void channelOutside0To15IsRefused() {
    String m = message(() -> ServoChannelConfig.normalized("hip", 16, 1000, 2000, 1, 0));
    assertTrue(m.contains("hip") && m.contains("16") && m.contains("0..15"), m);
  }

  @Test
  void pulseMinNotBelowMaxIsRefused() {
    String m = message(() -> ServoChannelConfig.normalized("hip", 1, 2000, 2000, 1, 0));
    assertTrue(m.contains("minPulseUs") && m.contains("maxPulseUs"), m);
    message(() -> ServoChannelConfig.normalized("hip", 1, -5, 2000, 1, 0));
  }

  @Test
  void directionOtherThanPlusOrMinusOneIsRefused() {
    assertTrue(message(() -> ServoChannelConfig.normalized("hip", 1, 1000, 2000, 0, 0)).contains("direction"));
  }

  @Test
  void safeValueOutsideTheLimitsIsRefused() {
    assertTrue(message(() -> ServoChannelConfig.angle("hip", 1, 500, 2500, 1, -1.5, 1.5, -0.5, 0.5, 0.7))
        .contains("safe value"));
    assertTrue(message(() -> ServoChannelConfig.angle("hip", 1, 500, 2500, 1, -1.5, 1.5, -2, 0.5, 0))
        .contains("limits"));
  }

  @Test
  void frequencyOutside24To1526HzIsRefused() {
    assertTrue(message(() -> new Pca9685Config("s", 1, 0x40, 23.9, List.of(OK))).contains("24..1526"));
    assertTrue(message(() -> new Pca9685Config("s", 1, 0x40, 1600, List.of(OK))).contains("24..1526"));
    ServoChannelConfig shortPulses = ServoChannelConfig.normalized("a", 0, 100, 600, 1, 0);
    assertEquals(3, new Pca9685Config("s", 1, 0x40, 1526, List.of(shortPulses)).prescale());
    assertEquals(253, new Pca9685Config("s", 1, 0x40, 24, List.of(OK)).prescale());
  }

  @Test
  void addressOutsideThePca9685RangeIsRefused() {
    assertTrue(message(() -> new Pca9685Config("s", 1, 0x3F, 50, List.of(OK))).contains("0x3F"));
    message(() -> new Pca9685Config("s", 1, 0x80, 50, List.of(OK)));
  }

  @Test
  void duplicateChannelsOrNamesAreRefused() {
    assertTrue(message(() -> new Pca9685Config("s", 1, 0x40, 50,
        List.of(OK, ServoChannelConfig.normalized("b", 0, 1000, 2000, 1, 0)))).contains("channel 0 is used twice"));
    assertTrue(message(() -> new Pca9685Config("s", 1, 0x40, 50,
        List.of(OK, ServoChannelConfig.normalized("a", 1, 1000, 2000, 1, 0)))).contains("'a' is used twice"));
  }

  @Test
  void pulseLongerThanThePwmPeriodIsRefused() {
    // 400 Hz: period 2.5 ms, a 500..3000 us servo cannot run
    String m = message(() -> new Pca9685Config("s", 1, 0x40, 400,
        List.of(ServoChannelConfig.normalized("a", 0, 500, 3000, 1, 0))));
    assertTrue(m.contains("exceeds the PWM period"), m);
  }

  @Test
  void missingOrBadNameIsRefused() {
    message(() -> new Pca9685Config(" ", 1, 0x40, 50, List.of(OK)));
    message(() -> new Pca9685Config("a b", 1, 0x40, 50, List.of(OK)));
  }
}
