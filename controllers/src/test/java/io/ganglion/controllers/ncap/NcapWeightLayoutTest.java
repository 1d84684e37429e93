package io.ganglion.controllers.ncap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The weight layouts of docs/ncap.md: shared 4/5/6, unshared 6 per joint (+2J speed, +2 turn). */
class NcapWeightLayoutTest {

  @Test
  void unsharedCircuitWithReplicatedSharedWeightsEqualsTheSharedCircuit() {
    int joints = 6;
    double[] shared = {0.9, 1.3, 1.1, -0.6, -0.4, 0.8};  // prop, osc, ipsi, contra, speed, turn
    // The unshared vector written out by hand in the documented order.
    double[] unshared = new double[8 * joints + 2];
    for (int i = 0; i < joints; i++) {
      double in = i == 0 ? shared[1] : shared[0];
      double[] perJoint = {in, in, shared[2], shared[2], shared[3], shared[3]};
      System.arraycopy(perJoint, 0, unshared, 6 * i, 6);
      unshared[6 * joints + 2 * i] = shared[4];
      unshared[6 * joints + 2 * i + 1] = shared[4];
    }
    unshared[8 * joints] = shared[5];
    unshared[8 * joints + 1] = shared[5];
    NcapConfig sharedConfig = NcapConfig.builder(joints).speedUnit(true).turnUnit(true).weights(shared).build();
    NcapConfig byHand = sharedConfig.toBuilder().layout(NcapConfig.Layout.UNSHARED).weights(unshared).build();
    NcapConfig converted = sharedConfig.toUnshared();

    assertArrayEquals(unshared, converted.weights(), 0.0, "toUnshared follows the documented order");
    NcapSignConstraintTest.assertSameOutputs(sharedConfig, byHand, 600);
  }

  @Test
  void fourWeightSharedCircuitEqualsItsUnsharedReplica() {
    NcapConfig shared = NcapConfig.shared(4, 1.25, 0.75, 1.5, -0.5);
    NcapConfig unshared = shared.toUnshared();
    assertEquals(24, unshared.weightCount());
    NcapSignConstraintTest.assertSameOutputs(shared, unshared, 600);
  }

  @Test
  void unsharedWeightActsOnItsOwnJointOnly() {
    int joints = 5;
    NcapConfig base = NcapConfig.builder(joints).layout(NcapConfig.Layout.UNSHARED).build();
    double[] w = base.weights();
    w[6 * 2 + 2] = 0.0;  // IPSI_D of joint 2: joint 2's dorsal muscle never contracts
    NcapCircuit cut = new NcapCircuit(base.withWeights(w));
    NcapCircuit full = new NcapCircuit(base);
    NcapInputs in = cut.newInputs();
    NcapOutputs oCut = cut.newOutputs();
    NcapOutputs oFull = full.newOutputs();
    SplittableRandom rnd = new SplittableRandom(5);
    boolean joint2WasPositive = false;
    for (int t = 0; t < 300; t++) {
      NcapTestSupport.randomInputs(rnd, joints + 1, in);
      cut.step(in, oCut);
      full.step(in, oFull);
      for (int i = 0; i < joints; i++) {
        if (i == 2) {
          joint2WasPositive |= oFull.actionQ16[2] > 0;
          assertEquals(Math.min(oFull.actionQ16[2], 0), oCut.actionQ16[2], "joint 2 keeps only its ventral side");
        } else {
          assertEquals(oFull.actionQ16[i], oCut.actionQ16[i], "joint " + i + " unaffected, step " + t);
        }
      }
    }
    assertTrue(joint2WasPositive, "the sequence must drive joint 2 dorsally for this test to mean anything");
  }

  @Test
  void weightIndicesFollowTheDocumentedOrder() {
    NcapConfig shared6 = NcapConfig.builder(5).speedUnit(true).turnUnit(true).build();
    assertEquals(0, shared6.weightIndex(NcapSynapse.IN_D, 3));
    assertEquals(1, shared6.weightIndex(NcapSynapse.IN_V, 0));
    assertEquals(2, shared6.weightIndex(NcapSynapse.IPSI_V, 4));
    assertEquals(3, shared6.weightIndex(NcapSynapse.CONTRA_D, 1));
    assertEquals(4, shared6.weightIndex(NcapSynapse.SPEED_V, 2));
    assertEquals(5, shared6.weightIndex(NcapSynapse.TURN_D, 0));
    NcapConfig sharedTurn = NcapConfig.builder(5).turnUnit(true).build();
    assertEquals(4, sharedTurn.weightIndex(NcapSynapse.TURN_V, 0));

    NcapConfig unshared = NcapConfig.builder(5).layout(NcapConfig.Layout.UNSHARED).speedUnit(true).turnUnit(true)
        .build();
    assertEquals(42, unshared.weightCount());
    assertEquals(6 * 3 + 5, unshared.weightIndex(NcapSynapse.CONTRA_V, 3));
    assertEquals(30 + 2 * 3 + 1, unshared.weightIndex(NcapSynapse.SPEED_V, 3));
    assertEquals(41, unshared.weightIndex(NcapSynapse.TURN_V, 0));
    assertArrayEquals(new double[] {1, 1, 1, 1, -1, -1}, java.util.Arrays.copyOfRange(unshared.weights(), 0, 6), 0.0,
        "default unshared weights: +1 excitatory, -1 inhibitory");
    assertEquals(-1.0, unshared.weight(NcapSynapse.SPEED_D, 4));
    assertEquals(1.0, unshared.weight(NcapSynapse.TURN_D, 0));
    assertThrows(IllegalArgumentException.class, () -> unshared.weightIndex(NcapSynapse.TURN_D, 1));
    assertThrows(IllegalArgumentException.class, () -> NcapConfig.defaults(5).weightIndex(NcapSynapse.SPEED_D, 0));
  }

  @Test
  void invalidConfigurationsAreRejectedWithAClearMessage() {
    assertMessage("joint count must be in [1, 255]", () -> NcapConfig.defaults(0));
    assertMessage("joint count must be in [1, 255]", () -> NcapConfig.defaults(256));
    assertMessage("oscillator period must be in [2,", () -> NcapConfig.builder(5).oscillatorPeriodSteps(1).build());
    assertMessage("needs 4 weights (w_prop, w_osc, w_ipsi, w_contra), got 3",
        () -> NcapConfig.builder(5).weights(1, 1, 1).build());
    assertMessage("needs 30 weights", () -> NcapConfig.builder(5).layout(NcapConfig.Layout.UNSHARED)
        .weights(new double[24]).build());
    assertMessage("weight 2 (w_ipsi) must be finite", () -> NcapConfig.shared(5, 1, 1, Double.NaN, -1));
    assertMessage("weight 3 (w_contra) must be finite", () -> NcapConfig.shared(5, 1, 1, 1, Double.NEGATIVE_INFINITY));
    assertMessage("weight 13 (IN_V of joint 2)", () -> NcapConfig.builder(5).layout(NcapConfig.Layout.UNSHARED)
        .weights(withValueAt(30, 13, 1e6)).build());
    assertMessage("must not be null", () -> new NcapCircuit(null));
  }

  private static double[] withValueAt(int length, int index, double value) {
    double[] w = new double[length];
    w[index] = value;
    return w;
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable build) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
    assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
  }
}
