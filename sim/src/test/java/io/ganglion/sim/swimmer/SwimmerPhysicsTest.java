package io.ganglion.sim.swimmer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.testkit.AllocationMeter;
import org.junit.jupiter.api.Test;

class SwimmerPhysicsTest {

  @Test
  void swimmerAtRestWithoutControlStaysExactlyAtRest() {
    SwimmerState s = new SwimmerState(SwimmerModel.dmControl(6));
    for (int i = 0; i < 1000; i++) {
      SwimmerPhysics.step(s);
    }
    for (int i = 0; i < s.model().dofs(); i++) {
      assertEquals(0.0, s.qpos()[i], 0.0);
      assertEquals(0.0, s.qvel()[i], 0.0);
    }
    assertEquals(-0.06, SwimmerSensors.noseY(s), 1e-15);
  }

  /**
   * Without fluid, motor torques are internal: the exact dynamics conserve linear and angular
   * momentum, and semi-implicit Euler drifts from it only at first order in the time step. A wrong
   * mass matrix or bias force would drift at order one whatever the step.
   */
  @Test
  void withoutFluidMomentumDriftShrinksLinearlyWithTheTimestep() {
    double[] coarse = momentumAfterOneSecondInVacuum(0.002);
    double[] fine = momentumAfterOneSecondInVacuum(0.0005);
    for (int i = 0; i < 3; i++) {
      double ratio = coarse[i] / fine[i];
      assertTrue(Math.abs(coarse[i]) < 1e-4, "momentum drift too large: " + coarse[i]);
      assertTrue(ratio > 3.5 && ratio < 4.5, "component " + i + ": drift ratio " + ratio + " is not first order");
    }
  }

  private static double[] momentumAfterOneSecondInVacuum(double timestepS) {
    SwimmerConfig c = SwimmerConfig.dmControl(7);
    SwimmerConfig vacuum = new SwimmerConfig(7, c.linkLengthM(), c.linkMassKg(), c.boxHalfWidthM(), c.boxHalfHeightM(),
        0.0, c.motorGearNm(), c.armatureKgM2(), 10.0 /* no limit reached */, c.limitTimeConstS(), c.limitDampRatio(),
        c.limitImpedanceMin(), c.limitImpedanceMax(), c.limitImpedanceWidthRad(), c.limitImpedanceMidpoint(),
        c.limitImpedancePower(), timestepS);
    SwimmerState s = new SwimmerState(new SwimmerModel(vacuum));
    int substeps = (int) Math.round(0.03 / timestepS);
    double[] u = new double[6];
    for (int t = 0; t < 33; t++) {
      for (int j = 0; j < u.length; j++) {
        u[j] = 0.2 * Math.sin(0.2 * t + j);
      }
      SwimmerPhysics.controlStep(s, u, substeps);
    }
    double px = 0;
    double py = 0;
    double angular = 0;
    SwimmerModel m = s.model();
    for (int k = 0; k < m.bodies(); k++) {
      double w = s.velW[k];
      double vx = s.velX[k] - w * s.comY[k];
      double vy = s.velY[k] + w * s.comX[k];
      px += m.massKg * vx;
      py += m.massKg * vy;
      angular += m.inertiaZzKgM2 * w + m.massKg * (s.comX[k] * vy - s.comY[k] * vx);
    }
    return new double[] {px, py, angular};
  }

  @Test
  void constantTorquePushesAJointIntoItsSoftLimitAndItStaysNearIt() {
    SwimmerState s = new SwimmerState(SwimmerModel.dmControl(3));
    double[] u = {1.0, 0.0};
    for (int t = 0; t < 200; t++) {
      SwimmerPhysics.controlStep(s, u, 15);
    }
    double range = s.model().jointRangeRad();
    double q0 = SwimmerSensors.jointAngleRad(s, 0);
    assertTrue(q0 > range, "a full torque should push joint 0 beyond its range, q0 = " + q0);
    assertTrue(q0 < range + 0.1, "the soft limit must hold the joint within its width, q0 = " + q0);
    assertTrue(Math.abs(SwimmerSensors.jointRateRadS(s, 0)) < 1e-3, "the joint should have settled");
  }

  @Test
  void limitRowsInTheCostAreExactlyThoseWithPositiveForce() {
    SwimmerState s = new SwimmerState(SwimmerModel.dmControl(9));
    double[] u = new double[8];
    int checked = 0;
    for (int t = 0; t < 400; t++) {
      for (int j = 0; j < u.length; j++) {
        u[j] = Math.signum(Math.sin(0.15 * t - 0.7 * j));
      }
      System.arraycopy(u, 0, s.ctrl(), 0, u.length);
      for (int i = 0; i < 15; i++) {
        SwimmerFluidForces.compute(s.model, s);
        SwimmerJointLimits.compute(s.model, s);
        SwimmerDynamics.solve(s.model, s);
        for (int j = 0; j < 8; j++) {
          if (s.limitSide[j] != 0) {
            double jar = s.limitSide[j] * s.qacc[3 + j] - s.limitAref[j];
            assertEquals(jar < 0, s.limitInCost[j], "row " + j + " complementarity at step " + t);
            checked++;
          }
        }
        SwimmerIntegrator.integrate(s.model, s);
        SwimmerKinematics.compute(s.model, s);
      }
    }
    assertTrue(checked > 1000, "the test should exercise many active limit rows, saw " + checked);
    assertEquals(0, s.solverNotConverged());
  }

  @Test
  void impedanceFollowsMujocosSolimpCurve() {
    SwimmerModel m = SwimmerModel.dmControl(6);
    assertEquals(0.0001, SwimmerJointLimits.impedance(m, 0.0), 1e-15);
    assertEquals(0.8, SwimmerJointLimits.impedance(m, -0.1), 1e-15);
    assertEquals(0.8, SwimmerJointLimits.impedance(m, -0.5), 1e-15);
    // midpoint 0.5 of width 0.1: y = 0.5
    assertEquals(0.0001 + 0.5 * (0.8 - 0.0001), SwimmerJointLimits.impedance(m, -0.05), 1e-12);
    // x = 0.25: y = 2 x^2 = 0.125
    assertEquals(0.0001 + 0.125 * (0.8 - 0.0001), SwimmerJointLimits.impedance(m, -0.025), 1e-12);
    // x = 0.75: y = 1 - 2 (1 - x)^2 = 0.875
    assertEquals(0.0001 + 0.875 * (0.8 - 0.0001), SwimmerJointLimits.impedance(m, -0.075), 1e-12);
  }

  @Test
  void nonFiniteControlIsReportedAndNeverPropagated() {
    SwimmerState s = new SwimmerState(SwimmerModel.dmControl(6));
    double[] u = {0.5, -0.5, 0.5, -0.5, 0.5};
    SwimmerPhysics.controlStep(s, u, 30);
    double[] before = s.qpos().clone();
    u[2] = Double.NaN;
    assertFalse(SwimmerPhysics.controlStep(s, u, 15));
    assertTrue(s.nonFinite());
    assertTrue(s.faultMessage().contains("non-finite"), s.faultMessage());
    for (int i = 0; i < before.length; i++) {
      assertEquals(before[i], s.qpos()[i], 0.0, "state must keep its last finite value");
    }
    u[2] = 0;
    assertFalse(SwimmerPhysics.controlStep(s, u, 15), "a faulted state stays faulted until reset");
    s.reset();
    assertTrue(SwimmerPhysics.controlStep(s, u, 15));
  }

  @Test
  void nonFiniteStateFromAnExplodingModelIsCaught() {
    SwimmerState s = new SwimmerState(SwimmerModel.dmControl(6));
    s.qvel()[3] = 1e300;
    s.forward();
    boolean ok = true;
    for (int i = 0; i < 100 && ok; i++) {
      ok = SwimmerPhysics.step(s);
    }
    assertFalse(ok);
    assertTrue(s.nonFinite());
    for (double v : s.qpos()) {
      assertTrue(Double.isFinite(v));
    }
  }

  @Test
  void physicsStepAllocatesNothing() {
    for (int bodies : new int[] {3, 6, 15, 50}) {
      SwimmerState s = new SwimmerState(SwimmerModel.dmControl(bodies));
      double[] u = new double[bodies - 1];
      int[] t = {0};
      AllocationMeter.assertAllocationFree("swimmer" + bodies + " physics step", () -> {
        t[0]++;
        for (int j = 0; j < u.length; j++) {
          s.ctrl()[j] = ((t[0] / 40 + j) & 1) == 0 ? 1.0 : -1.0;
        }
        SwimmerPhysics.step(s);
      });
      assertFalse(s.nonFinite());
    }
  }

  @Test
  void randomInitIsReproducibleForASeedAndWithinTheJointRange() {
    SwimmerState a = new SwimmerState(SwimmerModel.dmControl(6));
    SwimmerState b = new SwimmerState(SwimmerModel.dmControl(6));
    a.randomize(42);
    b.randomize(42);
    assertEquals(java.util.Arrays.toString(a.qpos()), java.util.Arrays.toString(b.qpos()));
    b.randomize(43);
    assertFalse(java.util.Arrays.equals(a.qpos(), b.qpos()));
    for (int j = 0; j < 5; j++) {
      assertTrue(Math.abs(SwimmerSensors.jointAngleRad(a, j)) <= a.model().jointRangeRad());
    }
    assertTrue(Math.abs(SwimmerSensors.headYawRad(a)) <= Math.PI);
  }
}
