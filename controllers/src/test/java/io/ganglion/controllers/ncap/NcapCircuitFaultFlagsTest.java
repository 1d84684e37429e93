package io.ganglion.controllers.ncap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.controllers.FaultFlags;
import io.ganglion.controllers.fixed.Q16;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Bad data never throws: it becomes fault flags and a defined output. */
class NcapCircuitFaultFlagsTest {

  private static final int JOINTS = 5;

  @Test
  void wrongAngleCountRaisesShapeMismatchAndZeroesEveryAction() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.defaults(JOINTS));
    NcapOutputs out = circuit.newOutputs();
    for (NcapInputs wrong : new NcapInputs[] {new NcapInputs(JOINTS - 1), new NcapInputs(JOINTS + 1), null}) {
      Arrays.fill(out.actionQ16, 12345);
      circuit.step(wrong, out);
      assertEquals(FaultFlags.INPUT_SHAPE_MISMATCH, out.faultFlags);
      assertArrayEquals(new int[JOINTS], out.actionQ16);
    }
  }

  @Test
  void wrongActionCountRaisesShapeMismatch() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.defaults(JOINTS));
    NcapOutputs out = new NcapOutputs(JOINTS + 2);
    Arrays.fill(out.actionQ16, 7);
    circuit.step(circuit.newInputs(), out);
    assertEquals(FaultFlags.INPUT_SHAPE_MISMATCH, out.faultFlags);
    assertArrayEquals(new int[JOINTS + 2], out.actionQ16);
  }

  @Test
  void oscillatorKeepsTimeThroughFaultedSteps() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.defaults(JOINTS));
    NcapInputs good = circuit.newInputs();
    NcapOutputs out = circuit.newOutputs();
    for (int t = 0; t < 30; t++) {
      circuit.step(t % 3 == 0 ? good : new NcapInputs(2), out);
    }
    circuit.step(good, out);  // step 30: the ventral half
    assertEquals(0, out.faultFlags);
    assertEquals(-Q16.ONE, out.actionQ16[0]);
  }

  @Test
  void angleBeyondPiIsFlaggedAndStillClippedBySensor() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.defaults(JOINTS));
    NcapCircuit clipped = new NcapCircuit(NcapConfig.defaults(JOINTS));
    NcapInputs wild = circuit.newInputs();
    NcapInputs atLimit = circuit.newInputs();
    NcapOutputs out = circuit.newOutputs();
    NcapOutputs outClipped = circuit.newOutputs();
    double limitRad = 2 * Math.PI / (JOINTS + 1);
    wild.setJointAnglesRad(4.0, -100.0, 0.1, 0.0, 0.0);
    atLimit.setJointAnglesRad(limitRad + 0.01, -limitRad - 0.01, 0.1, 0.0, 0.0);
    circuit.step(wild, out);
    clipped.step(atLimit, outClipped);
    assertEquals(FaultFlags.INPUT_OUT_OF_RANGE, out.faultFlags);
    assertEquals(0, outClipped.faultFlags);
    assertArrayEquals(outClipped.actionQ16, out.actionQ16);
    assertEquals(Q16.ONE, out.actionQ16[1], "q_hat clipped to +1: full dorsal");
    assertEquals(-Q16.ONE, out.actionQ16[2], "q_hat clipped to -1: full ventral");
  }

  @Test
  void lastJointAngleIsRangeCheckedThoughTheCircuitDoesNotUseIt() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.defaults(JOINTS));
    NcapInputs in = circuit.newInputs();
    NcapOutputs out = circuit.newOutputs();
    in.jointAngleQ16[JOINTS - 1] = NcapCircuit.MAX_ABS_ANGLE_Q16;
    circuit.step(in, out);
    assertEquals(0, out.faultFlags, "exactly pi is in range");
    in.jointAngleQ16[JOINTS - 1] = -NcapCircuit.MAX_ABS_ANGLE_Q16 - 1;
    circuit.step(in, out);
    assertEquals(FaultFlags.INPUT_OUT_OF_RANGE, out.faultFlags);
    in.jointAngleQ16[JOINTS - 1] = Integer.MIN_VALUE;
    circuit.step(in, out);
    assertEquals(FaultFlags.INPUT_OUT_OF_RANGE, out.faultFlags);
  }
}
