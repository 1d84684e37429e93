package io.ganglion.firmware.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.controllers.FaultFlags;
import io.ganglion.controllers.ncap.NcapConfig;
import io.ganglion.sim.swimmer.NcapSwimmerLaw;
import io.ganglion.sim.swimmer.SwimmerModel;
import io.ganglion.sim.swimmer.SwimmerState;
import io.ganglion.testkit.AllocationMeter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NcapLawMatchesSimulatorLawTest {

  @Test
  void sameAnglesGiveBitIdenticalCommandsToTheSimulatorsNcapLaw() {
    int joints = 5;
    NcapConfig config = NcapConfig.shared(joints, 0.8, 1.2, 0.9, -0.7);
    NcapLaw firmware = new NcapLaw(config);
    NcapSwimmerLaw simulator = new NcapSwimmerLaw(config);
    SwimmerState state = new SwimmerState(SwimmerModel.dmControl(joints + 1));
    LawInputs in = new LawInputs(joints);
    double[] fw = new double[joints];
    double[] sim = new double[joints];
    SplittableRandom random = new SplittableRandom(42);
    for (int step = 0; step < 500; step++) {
      for (int j = 0; j < joints; j++) {
        double q = (random.nextDouble() * 2 - 1) * 1.2;
        state.qpos()[3 + j] = q;
        in.jointAngleRad[j] = q;
      }
      in.step = step;
      assertEquals(0, firmware.step(in, fw));
      simulator.control(step, state, sim);
      for (int j = 0; j < joints; j++) {
        assertEquals(Double.doubleToRawLongBits(sim[j]), Double.doubleToRawLongBits(fw[j]), "step " + step + " joint " + j);
      }
    }
  }

  @Test
  void anAngleBeyondPiIsAControllerFaultNotAnException() {
    NcapLaw law = new NcapLaw(NcapConfig.defaults(2));
    LawInputs in = new LawInputs(2);
    in.jointAngleRad[1] = 4.0;
    assertEquals(FaultFlags.INPUT_OUT_OF_RANGE, law.step(in, new double[2]));
  }

  @Test
  void speedAndTurnCommandsReachTheCircuit() {
    NcapConfig config = NcapConfig.builder(3).speedUnit(true).build();
    NcapLaw law = new NcapLaw(config);
    LawInputs in = new LawInputs(3);
    double[] u = new double[3];
    law.step(in, u);
    assertEquals(1.0, Math.abs(u[0]), "full speed: the oscillator drives joint 0");
    law.reset();
    law.setSpeed(0.0);
    law.step(in, u);
    assertEquals(0.0, u[0], "speed 0 silences every B-neuron");
  }

  @Test
  void stepAllocatesNothing() {
    NcapLaw law = new NcapLaw(NcapConfig.defaults(5));
    LawInputs in = new LawInputs(5);
    double[] u = new double[5];
    AllocationMeter.assertAllocationFree("NcapLaw.step", () -> law.step(in, u));
  }
}
