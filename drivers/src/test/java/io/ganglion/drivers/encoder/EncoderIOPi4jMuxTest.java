package io.ganglion.drivers.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.fake.FakeAs5600;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.FakeTca9548a;
import io.ganglion.drivers.i2c.I2cMuxChannel;
import org.junit.jupiter.api.Test;

/** Several AS5600s at the same address share a bus through a TCA9548A. */
class EncoderIOPi4jMuxTest {

  @Test
  void eachEncoderSelectsItsOwnMuxChannelBeforeReading() {
    try (FakeBoard board = new FakeBoard()) {
      FakeTca9548a mux = board.addTca9548a(1, 0x70);
      FakeAs5600 left = board.addAs5600(1, mux, 0);
      FakeAs5600 right = board.addAs5600(1, mux, 5);
      left.setAngleRad(0.5);
      right.setAngleRad(-1.25);
      EncoderIOPi4j l = new EncoderIOPi4j(board.context(),
          As5600Config.behindMux("left", 1, new I2cMuxChannel(0x70, 0), 0, 1));
      EncoderIOPi4j r = new EncoderIOPi4j(board.context(),
          As5600Config.behindMux("right", 1, new I2cMuxChannel(0x70, 5), 0, 1));
      EncoderInputs li = new EncoderInputs();
      EncoderInputs ri = new EncoderInputs();
      for (int i = 0; i < 3; i++) {
        l.updateInputs(li);
        r.updateInputs(ri);
      }
      assertEquals(0.5, li.angleRad, 2e-3);
      assertEquals(-1.25, ri.angleRad, 2e-3);
      assertEquals(1 << 5, mux.control(), "the last reader left its channel selected");
      assertEquals(6, mux.selections());
    }
  }

  @Test
  void unreachableMuxMakesItsEncodersDisconnected() {
    try (FakeBoard board = new FakeBoard()) {
      FakeTca9548a mux = board.addTca9548a(1, 0x71);
      board.addAs5600(1, mux, 2).setAngleRad(0.3);
      EncoderIOPi4j e = new EncoderIOPi4j(board.context(),
          As5600Config.behindMux("e", 1, new I2cMuxChannel(0x71, 2), 0, 1));
      EncoderInputs in = new EncoderInputs();
      mux.setPresent(false);
      e.updateInputs(in);
      assertFalse(in.connected);
      mux.setPresent(true);
      e.updateInputs(in);
      assertTrue(in.valid);
      assertEquals(0.3, in.angleRad, 2e-3);
    }
  }
}
