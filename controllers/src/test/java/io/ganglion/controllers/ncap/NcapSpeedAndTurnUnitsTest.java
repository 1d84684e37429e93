package io.ganglion.controllers.ncap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.FaultFlags;
import io.ganglion.controllers.fixed.Q16;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The task units: speed brakes every B-neuron with inh(w_speed) (1 - speed); the right/left turn
 * units excite joint 0's dorsal/ventral B-neuron with exc(w_turn).
 */
class NcapSpeedAndTurnUnitsTest {

  private static final int JOINTS = 5;
  private static final NcapConfig SPEED_TURN = NcapConfig.builder(JOINTS).speedUnit(true).turnUnit(true).build();

  @Test
  void speedZeroSilencesEveryBNeuronAndSoEveryMuscle() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.builder(JOINTS).speedUnit(true).build());
    NcapReference ref = new NcapReference(circuit.config());
    NcapInputs in = circuit.newInputs();
    NcapOutputs out = circuit.newOutputs();
    double[] u = new double[JOINTS];
    SplittableRandom rnd = new SplittableRandom(7);
    for (int t = 0; t < 200; t++) {
      randomAnglesWithinLimits(rnd, in);
      in.speedQ16 = 0;
      circuit.step(in, out);
      NcapTestSupport.stepReference(ref, in, u);
      assertArrayEquals(new int[JOINTS], out.actionQ16, "step " + t);
      assertArrayEquals(new double[JOINTS], u, 0.0, "reference step " + t);
    }
  }

  @Test
  void fullSpeedWithoutTurnCommandsEqualsTheCircuitWithoutTaskUnits() {
    NcapCircuit withUnits = new NcapCircuit(SPEED_TURN);
    NcapCircuit plain = new NcapCircuit(NcapConfig.defaults(JOINTS));
    NcapInputs in = plain.newInputs();
    NcapOutputs a = withUnits.newOutputs();
    NcapOutputs b = plain.newOutputs();
    SplittableRandom rnd = new SplittableRandom(8);
    for (int t = 0; t < 300; t++) {
      randomAnglesWithinLimits(rnd, in);
      in.speedQ16 = Q16.ONE;
      in.turnRightQ16 = 0;
      in.turnLeftQ16 = 0;
      withUnits.step(in, a);
      plain.step(in, b);
      assertArrayEquals(b.actionQ16, a.actionQ16, "step " + t);
    }
  }

  @Test
  void halfSpeedHalvesTheHeadOscillatorDrive() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.builder(JOINTS).speedUnit(true).build());
    NcapInputs in = circuit.newInputs();
    NcapOutputs out = circuit.newOutputs();
    in.speedQ16 = Q16.HALF;
    for (int t = 0; t < 60; t++) {
      circuit.step(in, out);
      // B = clamp01(1 * osc - 1 * (1 - 0.5)) = 0.5 on the oscillator's active side
      assertEquals(t < 30 ? Q16.HALF : -Q16.HALF, out.actionQ16[0], "step " + t);
    }
  }

  @Test
  void rightTurnBiasesJointZeroDorsallyAndLeftTurnVentrally() {
    double meanNone = meanHeadActionOverOnePeriod(0, 0);
    double meanRight = meanHeadActionOverOnePeriod(Q16.HALF, 0);
    double meanLeft = meanHeadActionOverOnePeriod(0, Q16.HALF);
    assertEquals(0.0, meanNone, 0.0, "square wave without turn: symmetric");
    // Right 0.5 in the ventral half: B_d = 0.5, B_v = 1, M_v = 0.5, action -0.5 instead of -1.
    assertEquals(0.25, meanRight, 1e-12);
    assertEquals(-0.25, meanLeft, 1e-12);
  }

  @Test
  void turnCommandsReachJointZeroOnly() {
    NcapCircuit turning = new NcapCircuit(SPEED_TURN);
    NcapCircuit straight = new NcapCircuit(SPEED_TURN);
    NcapInputs in = turning.newInputs();
    NcapInputs inStraight = turning.newInputs();
    NcapOutputs a = turning.newOutputs();
    NcapOutputs b = straight.newOutputs();
    SplittableRandom rnd = new SplittableRandom(9);
    boolean headDiffered = false;
    for (int t = 0; t < 200; t++) {
      randomAnglesWithinLimits(rnd, in);
      System.arraycopy(in.jointAngleQ16, 0, inStraight.jointAngleQ16, 0, JOINTS);
      in.turnRightQ16 = Q16.fromDouble(0.6);
      in.turnLeftQ16 = Q16.fromDouble(0.2);
      turning.step(in, a);
      straight.step(inStraight, b);
      headDiffered |= a.actionQ16[0] != b.actionQ16[0];
      for (int i = 1; i < JOINTS; i++) {
        assertEquals(b.actionQ16[i], a.actionQ16[i], "joint " + i + " step " + t);
      }
    }
    assertTrue(headDiffered, "the turn commands must change joint 0");
  }

  @Test
  void commandsOutsideZeroOneAreClampedAndFlagged() {
    NcapCircuit circuit = new NcapCircuit(SPEED_TURN);
    NcapCircuit clean = new NcapCircuit(SPEED_TURN);
    NcapInputs in = circuit.newInputs();
    NcapInputs inClean = circuit.newInputs();
    NcapOutputs out = circuit.newOutputs();
    NcapOutputs outClean = circuit.newOutputs();
    in.speedQ16 = Q16.fromDouble(1.5);
    in.turnRightQ16 = Q16.fromDouble(-0.25);
    in.turnLeftQ16 = Q16.fromDouble(3.0);
    inClean.turnLeftQ16 = Q16.ONE;  // speed 1, right 0, left 1: the clamped values
    for (int t = 0; t < 60; t++) {
      circuit.step(in, out);
      clean.step(inClean, outClean);
      assertEquals(FaultFlags.INPUT_OUT_OF_RANGE, out.faultFlags);
      assertEquals(0, outClean.faultFlags);
      assertArrayEquals(outClean.actionQ16, out.actionQ16, "step " + t);
    }
  }

  @Test
  void commandsAreIgnoredWithoutTheUnits() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.defaults(JOINTS));
    NcapInputs in = circuit.newInputs();
    NcapOutputs out = circuit.newOutputs();
    in.speedQ16 = -Q16.ONE;
    in.turnRightQ16 = 5 * Q16.ONE;
    circuit.step(in, out);
    assertEquals(0, out.faultFlags);
    assertEquals(Q16.ONE, out.actionQ16[0]);
  }

  private static double meanHeadActionOverOnePeriod(int rightQ16, int leftQ16) {
    NcapCircuit circuit = new NcapCircuit(SPEED_TURN);
    NcapInputs in = circuit.newInputs();
    NcapOutputs out = circuit.newOutputs();
    in.turnRightQ16 = rightQ16;
    in.turnLeftQ16 = leftQ16;
    double sum = 0;
    for (int t = 0; t < 60; t++) {
      circuit.step(in, out);
      sum += Q16.toDouble(out.actionQ16[0]);
    }
    return sum / 60;
  }

  private static void randomAnglesWithinLimits(SplittableRandom rnd, NcapInputs in) {
    double limit = 2 * Math.PI / (JOINTS + 1);
    for (int i = 0; i < in.jointAngleQ16.length; i++) {
      in.jointAngleQ16[i] = Q16.fromDouble(NcapTestSupport.uniform(rnd, -1.2, 1.2) * limit);
    }
  }
}
