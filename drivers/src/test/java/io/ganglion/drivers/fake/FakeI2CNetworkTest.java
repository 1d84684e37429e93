package io.ganglion.drivers.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.exception.IOException;
import com.pi4j.io.i2c.I2C;
import io.ganglion.drivers.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Routing of the fake buses: direct chips, mux channels, NACKs and wiring conflicts. */
class FakeI2CNetworkTest {

  private static I2C open(FakeBoard board, String id, int bus, int address) {
    return board.context().create(I2C.newConfigBuilder(board.context()).id(id).bus(bus).device(address).build());
  }

  @Test
  void emptyAddressIsNotAcknowledged() {
    try (FakeBoard board = new FakeBoard()) {
      I2C i2c = open(board, "x", 1, 0x22);
      IOException e = assertThrows(IOException.class, () -> i2c.readRegister(0));
      assertTrue(e.getMessage().contains("NACK") && e.getMessage().contains("0x22"), e.getMessage());
    }
  }

  @Test
  void sameAddressOnAnotherBusIsAnotherChip() {
    try (FakeBoard board = new FakeBoard()) {
      board.addAs5600(1).setRawAngle(100);
      board.addAs5600(3).setRawAngle(200);
      byte[] b = new byte[2];
      open(board, "a", 1, 0x36).readRegister(0x0C, b, 0, 2);
      assertEquals(100, ((b[0] & 0xFF) << 8) | (b[1] & 0xFF));
      open(board, "b", 3, 0x36).readRegister(0x0C, b, 0, 2);
      assertEquals(200, ((b[0] & 0xFF) << 8) | (b[1] & 0xFF));
    }
  }

  @Test
  void chipsBehindAMuxAnswerOnlyOnTheirEnabledChannel() {
    try (FakeBoard board = new FakeBoard()) {
      FakeTca9548a mux = board.addTca9548a(1, 0x70);
      board.addAs5600(1, mux, 1).setRawAngle(11);
      board.addAs5600(1, mux, 6).setRawAngle(66);
      I2C m = open(board, "mux", 1, 0x70);
      I2C enc = open(board, "enc", 1, 0x36);
      assertThrows(IOException.class, () -> enc.readRegister(0x0D), "no channel enabled after power-on");
      m.write((byte) (1 << 6));
      assertEquals(66, enc.readRegister(0x0D));
      assertEquals(1 << 6, m.read());
      m.write((byte) (1 << 1));
      assertEquals(11, enc.readRegister(0x0D));
      m.write((byte) ((1 << 1) | (1 << 6)));
      IOException e = assertThrows(IOException.class, () -> enc.readRegister(0x0D));
      assertTrue(e.getMessage().contains("two chips"), e.getMessage());
    }
  }

  @Test
  void twoChipsWiredToOneAddressAreRefused() {
    try (FakeBoard board = new FakeBoard()) {
      board.addPca9685(1, 0x40);
      assertThrows(InvalidInputException.class, () -> board.addPca9685(1, 0x40));
    }
  }

  @Test
  void injectedFaultsFailTransactionsUntilCleared() {
    try (FakeBoard board = new FakeBoard()) {
      FakeMpu6050 imu = board.addMpu6050(1, 0x68);
      I2C i2c = open(board, "imu", 1, 0x68);
      imu.failNextTransactions(2);
      assertThrows(IOException.class, () -> i2c.readRegister(0x75));
      assertThrows(IOException.class, () -> i2c.readRegister(0x75));
      assertEquals(0x68, i2c.readRegister(0x75));
      imu.setBusError(true);
      assertThrows(IOException.class, () -> i2c.readRegister(0x75));
      imu.clearFaults();
      assertEquals(0x68, i2c.readRegister(0x75));
    }
  }
}
