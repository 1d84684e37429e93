package io.ganglion.sim.diffdrive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.testkit.AllocationMeter;
import org.junit.jupiter.api.Test;

class DiffDrivePhysicsTest {

  private static DiffDriveState drive(double left, double right, double seconds) {
    DiffDriveState s = new DiffDriveState(DiffDriveConfig.small());
    s.wheelCommand()[0] = left;
    s.wheelCommand()[1] = right;
    long steps = Math.round(seconds / s.config().timestepS());
    for (long i = 0; i < steps; i++) {
      DiffDrivePhysics.step(s);
    }
    return s;
  }

  @Test
  void equalCommandsDriveStraightAtRTimesWheelSpeedOnceTheMotorsSettled() {
    DiffDriveState s = drive(0.5, 0.5, 5.0);   // 10 rad/s * 0.03 m = 0.3 m/s
    assertEquals(0.3, s.vMS(), 1e-9);
    assertEquals(0.0, s.wRadS(), 0.0);
    assertEquals(0.0, s.yM(), 0.0);
    assertEquals(0.0, s.headingRad(), 0.0);
    // 5 s at 0.3 m/s minus the first-order lag tau = 0.05 s: x = v (T - tau (1 - e^(-T/tau)))
    assertEquals(0.3 * (5.0 - 0.05), s.xM(), 1e-3);
    assertEquals(s.xM(), s.pathLengthM(), 1e-9);
  }

  @Test
  void oppositeCommandsTurnInPlace() {
    DiffDriveState s = drive(-0.5, 0.5, 2.0);
    assertEquals(0.0, s.vMS(), 1e-12);
    assertEquals(0.3 * 2 / 0.15, s.wRadS(), 1e-9, "w = r (wR - wL) / b");
    assertEquals(0.0, s.xM(), 1e-12);
  }

  @Test
  void unequalCommandsFollowACircleOfRadiusVOverW() {
    DiffDriveState s = drive(0.25, 0.75, 30.0);
    double v = s.vMS();
    double w = s.wRadS();
    double radius = v / w;
    // centre of the circle after the transient: the robot stays at distance radius from it
    double cx = s.xM() - radius * Math.sin(s.headingRad());
    double cy = s.yM() + radius * Math.cos(s.headingRad());
    DiffDrivePhysics.step(s);
    double r2 = Math.hypot(s.xM() - cx, s.yM() - cy);
    assertEquals(radius, r2, 1e-9);
    assertEquals(0.15 / 2 * (0.75 + 0.25) / (0.75 - 0.25), radius, 1e-6, "R = b/2 (wR + wL)/(wR - wL)");
  }

  @Test
  void twoRunsAreBitIdentical() {
    DiffDriveState a = drive(0.3, 0.9, 3.0);
    DiffDriveState b = drive(0.3, 0.9, 3.0);
    assertEquals(Double.doubleToRawLongBits(a.xM()), Double.doubleToRawLongBits(b.xM()));
    assertEquals(Double.doubleToRawLongBits(a.yM()), Double.doubleToRawLongBits(b.yM()));
  }

  @Test
  void encodersAndImuSeeTheWheelsAndTheBody() {
    DiffDriveState s = drive(0.5, 0.5, 1.0);
    assertEquals(s.wheelSpeedRadS(0), s.jointVelocityRadPerSec(0));
    assertEquals(s.xM() / 0.03, s.jointPositionRad(0), 1e-6, "rolling without slip");
    double[] f = new double[3];
    s.specificForce(f);
    assertEquals(DiffDriveState.G, f[2]);
  }

  @Test
  void aBadModelIsOneClearLine() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new DiffDriveConfig(0.03, 0, 20, 0.05, 0.001));
    assertEquals("differential drive: track must be a positive finite number, got 0.0", e.getMessage());
  }

  @Test
  void stepAllocatesNothing() {
    DiffDriveState s = new DiffDriveState(DiffDriveConfig.small());
    s.wheelCommand()[0] = 0.2;
    s.wheelCommand()[1] = 0.4;
    AllocationMeter.assertAllocationFree("DiffDrivePhysics.step", () -> DiffDrivePhysics.step(s));
  }

  @Test
  void headingDegIsWrappedToMinus180Exclusive180InclusiveAndTimeIsStepsTimesDt() {
    assertEquals(180.0, DiffDriveState.wrapDeg(180.0), 0.0);
    assertEquals(180.0, DiffDriveState.wrapDeg(-180.0), 0.0);
    assertEquals(180.0, DiffDriveState.wrapDeg(540.0), 0.0);
    assertEquals(-170.0, DiffDriveState.wrapDeg(190.0), 0.0);
    assertEquals(170.0, DiffDriveState.wrapDeg(-190.0), 0.0);
    assertEquals(0.0, DiffDriveState.wrapDeg(720.0), 0.0);
    assertEquals(-179.5, DiffDriveState.wrapDeg(-179.5), 0.0);
    DiffDriveState s = drive(-0.5, 0.5, 7.0);   // spinning in place, many turns
    assertEquals(s.steps() * s.config().timestepS(), s.timeS(), 0.0);
    assertEquals(7.0, s.timeS(), 1e-12);
    double turns = s.headingRad() / (2 * Math.PI);
    org.junit.jupiter.api.Assertions.assertTrue(turns > 2, "several turns: " + turns);
    assertEquals(DiffDriveState.wrapDeg(Math.toDegrees(s.headingRad())), s.headingDeg(), 0.0);
    assertEquals(Math.toDegrees(Math.atan2(Math.sin(s.headingRad()), Math.cos(s.headingRad()))), s.headingDeg(), 1e-9);
  }
}
