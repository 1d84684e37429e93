package io.ganglion.controllers.ncap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Any joint count from 1 to 49 (swimmers of 2 to 50 bodies): the fixed-point circuit agrees with the
 * double reference within the bounds of docs/ncap.md, on angles given in double as recorded runs
 * give them (the circuit sees them rounded to Q16.16).
 */
class NcapCircuitJointCountTest {

  private static final double TWO_POW_MINUS_12 = 1.0 / 4096;
  private static final int STEPS = 400;

  @Test
  void defaultWeightsStayWithin2PowMinus12ForEveryJointCount() {
    double worst = 0;
    for (int joints = 1; joints <= 49; joints++) {
      NcapConfig config = NcapConfig.defaults(joints);
      double bound = NcapTestSupport.defaultWeightsBound(config);
      assertTrue(bound <= TWO_POW_MINUS_12, "documented bound " + bound + " for " + joints + " joints");
      double diff = maxDiffOnRecordedStyleInputs(config, new SplittableRandom(joints));
      assertTrue(diff <= bound, joints + " joints: max |fixed - reference| " + diff + " > bound " + bound);
      worst = Math.max(worst, diff);
    }
    System.out.printf("NCAP default weights, 1..49 joints: max |fixed - reference| = %.3g (%.2f x 2^-17)%n", worst,
        worst / NcapTestSupport.HALF_ULP);
  }

  @Test
  void weightsOnTheQ16GridStayWithinTheirBoundForEveryJointCount() {
    SplittableRandom weights = new SplittableRandom(98);
    double worstRatio = 0;
    for (int joints = 1; joints <= 49; joints++) {
      NcapConfig layout = NcapConfig.builder(joints).layout(NcapConfig.Layout.UNSHARED).speedUnit(true)
          .turnUnit(true).build();
      double[] w = new double[layout.weightCount()];
      for (int k = 0; k < w.length; k++) {
        w[k] = Math.floor(NcapTestSupport.uniform(weights, -2.0, 2.0) * 64) / 64;  // multiples of 2^-6
      }
      NcapConfig config = layout.withWeights(w);
      double bound = NcapTestSupport.representableWeightsBound(config);
      double diff = maxDiffOnRecordedStyleInputs(config, new SplittableRandom(500 + joints));
      assertTrue(diff <= bound, config + ": max |fixed - reference| " + diff + " > bound " + bound);
      worstRatio = Math.max(worstRatio, diff / bound);
    }
    System.out.printf("NCAP Q16-grid weights in [-2, 2], 1..49 joints: worst max-diff / bound = %.3f%n", worstRatio);
  }

  @Test
  void randomWeightsStayWithinTheGeneralBoundForEveryJointCount() {
    SplittableRandom weights = new SplittableRandom(99);
    double worstRatio = 0;
    for (int joints = 1; joints <= 49; joints++) {
      NcapConfig.Builder b = NcapConfig.builder(joints).speedUnit(true).turnUnit(true);
      NcapConfig[] configs = {
          NcapTestSupport.withRandomWeights(b.build(), weights, -2.0, 2.0),
          NcapTestSupport.withRandomWeights(b.layout(NcapConfig.Layout.UNSHARED).build(), weights, -2.0, 2.0)};
      for (NcapConfig config : configs) {
        double bound = NcapTestSupport.generalBound(config);
        double diff = maxDiffOnRecordedStyleInputs(config, new SplittableRandom(1000 + joints));
        assertTrue(diff <= bound, config + ": max |fixed - reference| " + diff + " > bound " + bound);
        worstRatio = Math.max(worstRatio, diff / bound);
      }
    }
    System.out.printf("NCAP random weights in [-2, 2], 1..49 joints: worst max-diff / bound = %.3f%n", worstRatio);
  }

  private static double maxDiffOnRecordedStyleInputs(NcapConfig config, SplittableRandom rnd) {
    int joints = config.jointCount();
    NcapCircuit circuit = new NcapCircuit(config);
    NcapReference ref = new NcapReference(config);
    NcapInputs in = circuit.newInputs();
    NcapOutputs out = circuit.newOutputs();
    double[] angleRad = new double[joints];
    double[] u = new double[joints];
    double limit = 2 * Math.PI / config.bodyCount();
    double max = 0;
    for (int t = 0; t < STEPS; t++) {
      NcapTestSupport.randomInputs(rnd, config.bodyCount(), in);  // the commands
      for (int i = 0; i < joints; i++) {
        angleRad[i] = NcapTestSupport.uniform(rnd, -1.2, 1.2) * limit;
      }
      in.setJointAnglesRad(angleRad);
      circuit.step(in, out);
      ref.step(angleRad, io.ganglion.controllers.fixed.Q16.toDouble(in.speedQ16),
          io.ganglion.controllers.fixed.Q16.toDouble(in.turnRightQ16),
          io.ganglion.controllers.fixed.Q16.toDouble(in.turnLeftQ16), u);
      max = Math.max(max, NcapTestSupport.maxAbsDiff(out.actionQ16, u));
    }
    return max;
  }
}
