package io.ganglion.firmware.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.controllers.FaultFlags;
import io.ganglion.firmware.config.DriveParams;
import io.ganglion.testkit.AllocationMeter;
import org.junit.jupiter.api.Test;

class DriveLawTest {

  private static final DriveParams P = new DriveParams(0.05, 0.2, 20.0, 0.0, 0.0, 0.0);

  private static double[] step(DriveLaw law, double measuredLeft, double measuredRight, boolean valid) {
    LawInputs in = new LawInputs(2);
    in.jointVelocityRadPerSec[0] = measuredLeft;
    in.jointVelocityRadPerSec[1] = measuredRight;
    in.jointValid[0] = valid;
    in.jointValid[1] = valid;
    double[] u = new double[2];
    assertEquals(0, law.step(in, u));
    return u;
  }

  @Test
  void forwardVelocityTurnsBothWheelsEqually() {
    DriveLaw law = new DriveLaw(P);
    law.setCommand(0.5, 0.0);  // w = v / r = 10 rad/s = half of the max
    double[] u = step(law, 0, 0, false);
    assertEquals(0.5, u[0], 1e-15);
    assertEquals(0.5, u[1], 1e-15);
  }

  @Test
  void aYawRateCommandSpinsTheWheelsOppositeWays() {
    DriveLaw law = new DriveLaw(P);
    law.setCommand(0.0, 2.0);  // w_R = w b / 2 / r = 2 * 0.1 / 0.05 = 4 rad/s
    double[] u = step(law, 0, 0, false);
    assertEquals(-0.2, u[0], 1e-15);
    assertEquals(0.2, u[1], 1e-15);
  }

  @Test
  void saturationScalesBothWheelsAndKeepsTheCurvature() {
    DriveLaw law = new DriveLaw(P);
    law.setCommand(2.0, 10.0); // w_L = (2 - 1) / 0.05 = 20, w_R = (2 + 1) / 0.05 = 60 -> scaled by 3
    double[] u = step(law, 0, 0, false);
    assertEquals(1.0, u[1], 1e-12);
    assertEquals(1.0 / 3.0, u[0], 1e-12);
  }

  @Test
  void feedbackPushesAgainstTheSpeedError() {
    DriveLaw law = new DriveLaw(new DriveParams(0.05, 0.2, 20.0, 0.5, 0.5, 0.0));
    double[] slow = step(law, 5.0, 5.0, true);    // target 10, measured 5: + 0.5 * 5 / 20
    assertEquals(0.5 + 0.125, slow[0], 1e-15);
    double[] fast = step(law, 15.0, 15.0, true);
    assertEquals(0.5 - 0.125, fast[0], 1e-15);
    double[] blind = step(law, 15.0, 15.0, false);
    assertEquals(0.5, blind[0], 1e-15, "without a valid encoder: feed-forward only");
  }

  @Test
  void theInitialCommandComesBackOnResetAndNonFiniteCommandsAreIgnored() {
    DriveLaw law = new DriveLaw(new DriveParams(0.05, 0.2, 20.0, 0.0, 0.3, 0.1));
    law.setCommand(Double.NaN, 1.0);
    assertEquals(0.3, law.command().vMS());
    law.setCommand(1.0, 1.0);
    law.reset();
    assertEquals(new DriveLaw.Setpoint(0.3, 0.1), law.command());
  }

  @Test
  void aWrongShapeIsAFault() {
    DriveLaw law = new DriveLaw(P);
    assertEquals(FaultFlags.INPUT_SHAPE_MISMATCH, law.step(new LawInputs(3), new double[2]));
  }

  @Test
  void stepAllocatesNothing() {
    DriveLaw law = new DriveLaw(new DriveParams(0.05, 0.2, 20.0, 0.5, 0.5, 0.3));
    LawInputs in = new LawInputs(2);
    double[] u = new double[2];
    AllocationMeter.assertAllocationFree("DriveLaw.step", () -> law.step(in, u));
  }
}
