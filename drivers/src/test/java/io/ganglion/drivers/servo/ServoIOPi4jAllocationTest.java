package io.ganglion.drivers.servo;

import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.SteadyState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** apply and updateInputs allocate nothing in steady state (driver + Pi4J API + fake chip). */
class ServoIOPi4jAllocationTest {

  @Test
  void applyAndUpdateInputsAllocateNothing() {
    try (FakeBoard board = new FakeBoard()) {
      board.addPca9685(1, 0x40);
      List<ServoChannelConfig> channels = new ArrayList<>();
      for (int ch = 0; ch < 16; ch++) {
        channels.add(ServoChannelConfig.normalized("j" + ch, ch, 1000, 2000, ch % 2 == 0 ? 1 : -1, 0));
      }
      ServoIOPi4j io = new ServoIOPi4j(board.context(), new Pca9685Config("servos", 1, 0x40, 50, channels));
      ServoInputs in = new ServoInputs(16);
      double[] commands = new double[16];
      long[] tick = {0};
      SteadyState.assertAllocationFree("PCA9685 apply + updateInputs", () -> {
        tick[0]++;
        for (int i = 0; i < 16; i++) {
          commands[i] = ((tick[0] + i) % 200) / 100.0 - 1.0;
        }
        io.apply(commands);
        io.updateInputs(in);
      });
    }
  }
}
