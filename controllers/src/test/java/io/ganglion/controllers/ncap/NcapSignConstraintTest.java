package io.ganglion.controllers.ncap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Sign constraints are applied where a weight is used: an excitatory weight below 0 acts as 0, an
 * inhibitory weight above 0 acts as 0, while the stored weight keeps its value (a trainer may push
 * it back across zero).
 */
class NcapSignConstraintTest {

  private static final int JOINTS = 5;

  /** Shared weights w_prop, w_osc, w_ipsi, w_contra, w_speed, w_turn; index and a wrong-signed value. */
  @ParameterizedTest(name = "shared weight {0} = {1} acts as 0")
  @CsvSource({"0, -0.7", "1, -1.5", "2, -0.5", "3, 0.8", "4, 0.6", "5, -2.0"})
  void wrongSignedSharedWeightActsAsZero(int index, double wrongSigned) {
    double[] base = {1.1, 0.9, 1.2, -0.8, -0.5, 0.7};
    double[] wrong = base.clone();
    wrong[index] = wrongSigned;
    double[] zero = base.clone();
    zero[index] = 0.0;
    NcapConfig.Builder b = NcapConfig.builder(JOINTS).speedUnit(true).turnUnit(true);
    NcapConfig wrongConfig = b.weights(wrong).build();
    NcapConfig zeroConfig = b.weights(zero).build();
    assertEquals(wrongSigned, wrongConfig.weights()[index], "the stored weight is kept as given");
    assertSameOutputs(wrongConfig, zeroConfig, 600);
  }

  @Test
  void negativeIpsilateralWeightSilencesEveryMuscle() {
    NcapCircuit circuit = new NcapCircuit(NcapConfig.shared(JOINTS, 1, 1, -0.5, -1));
    NcapReference ref = new NcapReference(circuit.config());
    NcapInputs in = circuit.newInputs();
    NcapOutputs out = circuit.newOutputs();
    double[] u = new double[JOINTS];
    SplittableRandom rnd = new SplittableRandom(3);
    for (int t = 0; t < 120; t++) {
      NcapTestSupport.randomInputs(rnd, JOINTS + 1, in);
      circuit.step(in, out);
      NcapTestSupport.stepReference(ref, in, u);
      assertArrayEquals(new int[JOINTS], out.actionQ16, "step " + t);
      assertArrayEquals(new double[JOINTS], u, 0.0, "reference step " + t);
    }
  }

  @Test
  void unsharedNegativeExcitatoryWeightActsAsZeroOnlyAtItsJoint() {
    NcapConfig layout = NcapConfig.builder(JOINTS).layout(NcapConfig.Layout.UNSHARED).build();
    double[] wrong = layout.weights();
    double[] zero = layout.weights();
    int k = layout.weightIndex(NcapSynapse.IN_V, 3);
    wrong[k] = -3.0;
    zero[k] = 0.0;
    assertSameOutputs(layout.withWeights(wrong), layout.withWeights(zero), 600);
  }

  /** Both configs give bit-identical fixed-point outputs and identical reference outputs. */
  static void assertSameOutputs(NcapConfig a, NcapConfig b, int steps) {
    NcapCircuit ca = new NcapCircuit(a);
    NcapCircuit cb = new NcapCircuit(b);
    NcapReference ra = new NcapReference(a);
    NcapReference rb = new NcapReference(b);
    NcapInputs in = ca.newInputs();
    NcapOutputs oa = ca.newOutputs();
    NcapOutputs ob = cb.newOutputs();
    double[] ua = new double[a.jointCount()];
    double[] ub = new double[a.jointCount()];
    SplittableRandom rnd = new SplittableRandom(42);
    for (int t = 0; t < steps; t++) {
      NcapTestSupport.randomInputs(rnd, a.bodyCount(), in);
      ca.step(in, oa);
      cb.step(in, ob);
      NcapTestSupport.stepReference(ra, in, ua);
      NcapTestSupport.stepReference(rb, in, ub);
      assertArrayEquals(ob.actionQ16, oa.actionQ16, "fixed step " + t);
      assertEquals(ob.faultFlags, oa.faultFlags, "flags step " + t);
      assertArrayEquals(ub, ua, 0.0, "reference step " + t);
    }
  }
}
