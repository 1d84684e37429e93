package io.ganglion.drivers.imu;

import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.FakeMpu6050;
import io.ganglion.drivers.SteadyState;
import org.junit.jupiter.api.Test;

/** updateInputs allocates nothing in steady state. */
class ImuIOPi4jAllocationTest {

  @Test
  void updateInputsAllocatesNothing() {
    try (FakeBoard board = new FakeBoard()) {
      FakeMpu6050 chip = board.addMpu6050(1, 0x68);
      ImuIOPi4j io = new ImuIOPi4j(board.context(), Mpu6050Config.defaults("imu", 1));
      ImuInputs in = new ImuInputs();
      double[] t = {0};
      SteadyState.assertAllocationFree("MPU-6050 updateInputs", () -> {
        t[0] += 1e-3;
        chip.setAngularVelocity(Math.sin(t[0]), 0.1, -0.2);
        io.updateInputs(in);
      });
    }
  }
}
