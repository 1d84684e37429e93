package io.ganglion.drivers.servo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Prescale, count and register encoding arithmetic against datasheet examples. */
class Pca9685RegistersTest {

  @Test
  void prescaleFollowsTheDatasheetEquation() {
    // datasheet example: 200 Hz -> round(25 MHz / (4096 * 200)) - 1 = 30 (0x1E, the power-on value)
    assertEquals(30, Pca9685Registers.prescaleFor(200, 25e6));
    assertEquals(121, Pca9685Registers.prescaleFor(50, 25e6));
    assertEquals(3, Pca9685Registers.prescaleFor(1526, 25e6));
    assertEquals(255, Pca9685Registers.prescaleFor(23.84, 25e6));
  }

  @Test
  void countsRoundThePulseToTheNearestCount() {
    // prescale 121: one count = 122 / 25 MHz = 4.88 us; 1500 us = 307.38 counts -> 307
    assertEquals(307, Pca9685Registers.countsFor(1500, 121, 25e6));
    assertEquals(4.88, Pca9685Registers.countDurationUs(121, 25e6), 1e-12);
  }

  @Test
  void channelEncodingSplitsTwelveBitsAndUsesBit4ForFullOnAndOff() {
    byte[] b = new byte[4];
    Pca9685Registers.encodeChannel(0x123, b, 0);
    assertArrayEquals(new byte[] {0, 0, 0x23, 0x01}, b);
    Pca9685Registers.encodeChannel(0, b, 0);
    assertArrayEquals(new byte[] {0, 0, 0, 0x10}, b);
    Pca9685Registers.encodeChannel(4096, b, 0);
    assertArrayEquals(new byte[] {0, 0x10, 0, 0}, b);
  }
}
