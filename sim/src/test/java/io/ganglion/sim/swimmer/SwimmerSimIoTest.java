package io.ganglion.sim.swimmer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.drivers.imu.ImuInputs;
import io.ganglion.sim.io.EncoderIOSim;
import io.ganglion.sim.io.ImuIOSim;
import io.ganglion.sim.io.ServoIOSim;
import org.junit.jupiter.api.Test;

/** The sim-backed IO on the swimmer's state (joints, head, motor controls). */
class SwimmerSimIoTest {

  @Test
  void encodersReadTheHingesTheServoBankWritesTheMotorControls() {
    SwimmerState state = new SwimmerState(SwimmerModel.dmControl(6));
    state.randomize(3);
    SwimmerJoints joints = new SwimmerJoints(state);
    assertEquals(5, joints.jointCount());
    EncoderInputs in = new EncoderInputs();
    for (int j = 0; j < 5; j++) {
      new EncoderIOSim(joints, j, () -> 0L).updateInputs(in);
      assertEquals(SwimmerSensors.jointAngleRad(state, j), in.angleRad, 0.0);
    }
    ServoIOSim motors = ServoIOSim.normalized(state.ctrl(), 0, () -> 0L);
    motors.apply(new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
    assertEquals(0.3, state.ctrl()[2]);
  }

  @Test
  void theHeadImuReadsYawRateAndTheMeanAccelerationSinceTheLastSample() {
    SwimmerState state = new SwimmerState(SwimmerModel.dmControl(6));
    SwimmerHead head = new SwimmerHead(state);
    ImuIOSim imu = new ImuIOSim(head, () -> 0L);
    ImuInputs in = new ImuInputs();
    imu.updateInputs(in);
    assertEquals(0.0, in.accelMps2[0], "first sample: no difference yet");
    assertEquals(SwimmerHead.G, in.accelMps2[2]);
    double[] ctrl = {1, -1, 1, -1, 1};
    SwimmerPhysics.controlStep(state, ctrl, 15);
    imu.updateInputs(in);
    assertEquals(SwimmerSensors.headYawRateRadS(state), in.gyroRadPerSec[2], 0.0);
    // the head started at rest: the forward component is its forward speed now over the elapsed time
    double t = state.timeS();
    double forwardSpeed = SwimmerSensors.headForwardSpeedMS(state);
    // speed of the head centre along its current forward axis, from the velocity difference (start at rest)
    assertEquals(forwardSpeed / t, in.accelMps2[0], 1e-9);
  }
}
