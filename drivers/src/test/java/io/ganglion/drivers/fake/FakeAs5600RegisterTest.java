package io.ganglion.drivers.fake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pi4j.io.i2c.I2C;
import org.junit.jupiter.api.Test;

/** The fake AS5600's pointer rules and status bits, through Pi4J's I2C API. */
class FakeAs5600RegisterTest {

  @Test
  void readFromRawAngleHighAlternatesBetweenItsTwoBytes() {
    try (FakeBoard board = new FakeBoard()) {
      FakeAs5600 chip = board.addAs5600(1);
      chip.setRawAngle(0xABC);
      I2C i2c = board.context().create(I2C.newConfigBuilder(board.context()).id("raw").bus(1).device(0x36).build());
      byte[] b = new byte[4];
      i2c.readRegister(0x0C, b, 0, 4);
      assertArrayEquals(new byte[] {0x0A, (byte) 0xBC, 0x0A, (byte) 0xBC}, b);
      chip.setRawAngle(0x123);
      i2c.read(b, 0, 2);
      assertArrayEquals(new byte[] {0x01, 0x23}, new byte[] {b[0], b[1]}, "re-read without a pointer write");
    }
  }

  @Test
  void readFromStatusIncrementsThroughTheRawAngle() {
    try (FakeBoard board = new FakeBoard()) {
      FakeAs5600 chip = board.addAs5600(1);
      chip.setRawAngle(0x7FF);
      chip.setMagnet(true, false, true);
      I2C i2c = board.context().create(I2C.newConfigBuilder(board.context()).id("raw").bus(1).device(0x36).build());
      byte[] b = new byte[5];
      i2c.readRegister(0x0B, b, 0, 5);
      assertArrayEquals(new byte[] {0x28, 0x07, (byte) 0xFF, 0x07, (byte) 0xFF}, b,
          "STATUS (MD | MH), RAW ANGLE, then ANGLE = RAW ANGLE with ZPOS = 0");
    }
  }

  @Test
  void zposShiftsTheScaledAngleAndInvalidAddressesAreNacked() {
    try (FakeBoard board = new FakeBoard()) {
      FakeAs5600 chip = board.addAs5600(1);
      chip.setRawAngle(0x100);
      I2C i2c = board.context().create(I2C.newConfigBuilder(board.context()).id("raw").bus(1).device(0x36).build());
      i2c.writeRegister(0x01, new byte[] {0x00, 0x40}, 0, 2);
      assertEquals(0x00, i2c.readRegister(0x0E));
      assertEquals(0xC0, i2c.readRegister(0x0F));
      assertThrows(com.pi4j.io.exception.IOException.class, () -> i2c.readRegister(0x10));
      assertThrows(com.pi4j.io.exception.IOException.class, () -> i2c.writeRegister(0x0C, (byte) 1));
    }
  }
}
