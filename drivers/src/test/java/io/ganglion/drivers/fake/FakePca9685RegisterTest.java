package io.ganglion.drivers.fake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.i2c.I2C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake PCA9685 behaves like the datasheet at register level, seen through Pi4J's I2C API. */
class FakePca9685RegisterTest {

  private FakeBoard board;
  private FakePca9685 chip;
  private I2C i2c;

  @BeforeEach
  void setUp() {
    board = new FakeBoard();
    chip = board.addPca9685(1, 0x41);
    i2c = board.context().create(I2C.newConfigBuilder(board.context()).id("raw").bus(1).device(0x41).build());
  }

  @AfterEach
  void tearDown() {
    board.close();
  }

  @Test
  void powerOnValuesMatchTheDatasheet() {
    assertEquals(0x11, i2c.readRegister(0x00), "MODE1: SLEEP | ALLCALL");
    assertEquals(0x04, i2c.readRegister(0x01), "MODE2: OUTDRV");
    assertEquals(0x1E, i2c.readRegister(0xFE), "PRE_SCALE: 200 Hz");
    assertEquals(0x10, i2c.readRegister(0x09), "LED0_OFF_H: full off");
    assertEquals(0xE0, i2c.readRegister(0x05), "ALLCALLADR");
  }

  @Test
  void prescaleWritesAreBlockedWhileAwakeAndClampedToThree() {
    i2c.writeRegister(0x00, (byte) 0x00); // wake
    i2c.writeRegister(0xFE, (byte) 121);
    assertEquals(0x1E, chip.prescale(), "blocked while SLEEP = 0");
    i2c.writeRegister(0x00, (byte) 0x10);
    i2c.writeRegister(0xFE, (byte) 1);
    assertEquals(3, chip.prescale());
  }

  @Test
  void withoutAutoIncrementEveryByteLandsInTheSameRegister() {
    i2c.writeRegister(0x06, new byte[] {0x11, 0x22, 0x33}, 0, 3);
    assertEquals(0x33, chip.register(0x06));
    assertEquals(0x00, chip.register(0x07));
  }

  @Test
  void autoIncrementWrapsFromLed15OffHBackToMode1() {
    i2c.writeRegister(0x00, (byte) 0x30); // AI + SLEEP
    byte[] data = {0x01, 0x02, 0x03, 0x04, (byte) 0xA0, 0x04};
    i2c.writeRegister(0x42, data, 0, 6); // LED15 block, then MODE1, MODE2
    assertEquals(0x0201, chip.onCount(15));
    assertEquals(0x0403, chip.offCount(15));
    assertEquals(0x20, chip.mode1(), "0xA0 written to MODE1: RESTART write clears, AI kept");
    byte[] back = new byte[4];
    i2c.readRegister(0x42, back, 0, 4);
    assertArrayEquals(new byte[] {0x01, 0x02, 0x03, 0x04}, back);
  }

  @Test
  void allLedRegistersLoadEveryChannelAndReadAsZero() {
    i2c.writeRegister(0x00, (byte) 0x20);
    i2c.writeRegister(0xFA, new byte[] {0x00, 0x00, (byte) 0x34, 0x01}, 0, 4);
    for (int ch = 0; ch < 16; ch++) {
      assertEquals(0x134, chip.offCount(ch));
    }
    assertEquals(0, i2c.readRegister(0xFC));
  }

  @Test
  void reservedBitsOfTheHighRegistersReadZeroAndFullOffWins() {
    i2c.writeRegister(0x00, (byte) 0x20);
    i2c.writeRegister(0x06, new byte[] {0, (byte) 0xFF, 0, (byte) 0xFF}, 0, 4);
    assertEquals(0x1F, chip.register(0x07));
    assertTrue(chip.fullOnBit(0) && chip.fullOffBit(0));
    assertEquals(0.0, chip.pulseWidthUs(0));
  }

  @Test
  void enteringSleepWithActiveOutputsSetsRestart() {
    i2c.writeRegister(0x00, (byte) 0x20);
    i2c.writeRegister(0x06, new byte[] {0, 0, 0x00, 0x01}, 0, 4);
    i2c.writeRegister(0x00, (byte) 0x30);
    assertEquals(0x80, chip.mode1() & 0x80);
  }

  @Test
  void reservedAddressesAreNotAcknowledged() {
    assertThrows(com.pi4j.io.exception.IOException.class, () -> i2c.writeRegister(0x50, (byte) 1));
  }

  @Test
  void pulseWidthWrapsWhenOffIsBeforeOn() {
    i2c.writeRegister(0x00, (byte) 0x20);
    // ON = 4000, OFF = 200: high from count 4000 through 4095 and 0..199 = 296 counts
    i2c.writeRegister(0x06, new byte[] {(byte) 0xA0, 0x0F, (byte) 0xC8, 0x00}, 0, 4);
    assertEquals(296 * (0x1E + 1) / 25e6 * 1e6, chip.pulseWidthUs(0), 1e-9);
  }
}
