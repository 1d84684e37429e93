package io.ganglion.controllers.ncap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.fixed.Q16;
import org.junit.jupiter.api.Test;

/**
 * The NCAP circuits against MuJoCo's reference controller: {@code mujoco/ncap3.csv} and {@code
 * ncap6.csv} record, per control step, the joint angles q and the control u that swimref.c's NCAP
 * (default weights +1, +1, +1, -1) computed from them. Replaying the recorded q (open loop in the
 * controller, no physics) must give the recorded u.
 */
class NcapCircuitMatchesMujocoReferenceTest {

  /** u is printed with 6 decimals: rounding 5e-7, so 1e-6 is the CSV's precision. */
  private static final double CSV_PRECISION = 1e-6;
  /** Issue 3 acceptance: fixed point within 2^-12 of the double reference per action. */
  private static final double FIXED_POINT_TOLERANCE = 1.0 / 4096;
  private static final String[] RUNS = {"ncap3.csv", "ncap6.csv"};

  @Test
  void doubleReferenceReproducesEveryMujocoControlFromTheRecordedAngles() {
    double maxErr = 0;
    for (String name : RUNS) {
      MujocoNcapRun run = MujocoNcapRun.load(name);
      assertEquals(1000, run.rows(), name + " rows");
      NcapReference ref = new NcapReference(NcapConfig.defaults(run.jointCount));
      double[] u = new double[run.jointCount];
      for (int r = 0; r < run.rows(); r++) {
        assertEquals(run.step[r], ref.stepCount(), name + ": row " + r + " is not the reference's step");
        ref.step(run.jointAngleRad[r], u);
        for (int i = 0; i < u.length; i++) {
          double err = Math.abs(u[i] - run.control[r][i]);
          maxErr = Math.max(maxErr, err);
          assertTrue(err <= CSV_PRECISION, name + " step " + run.step[r] + " u" + i + ": reference " + u[i]
              + ", MuJoCo " + run.control[r][i]);
        }
      }
    }
    System.out.printf("NCAP double reference vs MuJoCo controls: max |du| = %.3g over %s%n", maxErr,
        String.join(", ", RUNS));
  }

  @Test
  void fixedPointCircuitStaysWithin2PowMinus12OfTheReferenceOnRecordedAngles() {
    double maxDiff = 0;
    double maxVsMujoco = 0;
    for (String name : RUNS) {
      MujocoNcapRun run = MujocoNcapRun.load(name);
      NcapConfig config = NcapConfig.defaults(run.jointCount);
      NcapReference ref = new NcapReference(config);
      NcapCircuit circuit = new NcapCircuit(config);
      NcapInputs in = circuit.newInputs();
      NcapOutputs out = circuit.newOutputs();
      double[] u = new double[run.jointCount];
      for (int r = 0; r < run.rows(); r++) {
        in.setJointAnglesRad(run.jointAngleRad[r]);  // the firmware's conversion: nearest Q16.16
        circuit.step(in, out);
        ref.step(run.jointAngleRad[r], u);
        assertEquals(0, out.faultFlags, name + " step " + r + ": unexpected fault flags");
        for (int i = 0; i < u.length; i++) {
          double fixed = Q16.toDouble(out.actionQ16[i]);
          maxDiff = Math.max(maxDiff, Math.abs(fixed - u[i]));
          maxVsMujoco = Math.max(maxVsMujoco, Math.abs(fixed - run.control[r][i]));
        }
      }
    }
    System.out.printf("NCAP fixed point vs double reference on MuJoCo angles: max |da| = %.3g (%.2f x 2^-17;"
        + " bound 2^-12 = %.3g); vs MuJoCo's printed u: %.3g%n", maxDiff, maxDiff / NcapTestSupport.HALF_ULP,
        FIXED_POINT_TOLERANCE, maxVsMujoco);
    assertTrue(maxDiff <= FIXED_POINT_TOLERANCE, "max |fixed - reference| = " + maxDiff + " > 2^-12");
    assertTrue(maxVsMujoco <= FIXED_POINT_TOLERANCE + CSV_PRECISION, "max |fixed - MuJoCo| = " + maxVsMujoco);
  }
}
