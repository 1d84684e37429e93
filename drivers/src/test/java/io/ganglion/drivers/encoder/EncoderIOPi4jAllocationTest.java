package io.ganglion.drivers.encoder;

import io.ganglion.drivers.fake.FakeAs5600;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.i2c.I2cMuxChannel;
import io.ganglion.drivers.SteadyState;
import org.junit.jupiter.api.Test;

/** updateInputs allocates nothing in steady state, mux select included. */
class EncoderIOPi4jAllocationTest {

  @Test
  void updateInputsBehindAMuxAllocatesNothing() {
    try (FakeBoard board = new FakeBoard()) {
      FakeAs5600 chip = board.addAs5600(1, board.addTca9548a(1, 0x70), 3);
      EncoderIOPi4j io = new EncoderIOPi4j(board.context(),
          As5600Config.behindMux("e", 1, new I2cMuxChannel(0x70, 3), 0.2, -1));
      EncoderInputs in = new EncoderInputs();
      int[] raw = {0};
      SteadyState.assertAllocationFree("AS5600 updateInputs", () -> {
        raw[0] = (raw[0] + 37) & 0xFFF;
        chip.setRawAngle(raw[0]);
        io.updateInputs(in);
      });
    }
  }
}
