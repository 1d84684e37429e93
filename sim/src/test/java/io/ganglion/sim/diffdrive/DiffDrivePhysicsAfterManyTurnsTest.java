package io.ganglion.sim.diffdrive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The heading is unwrapped, so it grows with every turn; the pose update must stay accurate when
 * the yaw rate of a step is tiny next to it (a turn dying away on the first-order motors).
 */
class DiffDrivePhysicsAfterManyTurnsTest {

  @Test
  void aRobotThatStopsTurningAfterManyTurnsTravelsTheDistanceItsWheelsRolled() {
    DiffDriveState s = new DiffDriveState(DiffDriveConfig.small());
    s.wheelCommand()[0] = -1;
    s.wheelCommand()[1] = 1;
    for (int i = 0; i < 10_000; i++) {   // 10 s spinning in place at 8 rad/s: heading 80 rad
      DiffDrivePhysics.step(s);
    }
    s.wheelCommand()[0] = 1;
    s.wheelCommand()[1] = 1;
    double x0 = s.xM();
    double y0 = s.yM();
    double path0 = s.pathLengthM();
    double rolledM = 0;
    double chordM = 0;
    for (int i = 0; i < 5_000; i++) {   // the turn dies away, then 0.6 m/s straight
      double px = s.xM();
      double py = s.yM();
      DiffDrivePhysics.step(s);
      rolledM += s.vMS() * s.config().timestepS();
      chordM += Math.hypot(s.xM() - px, s.yM() - py);
    }
    // every step moves the robot by v dt along its arc (the chord is shorter by at most
    // 1 - sinc(w dt / 2) < 3e-6 while it still turns)
    assertEquals(rolledM, chordM, 1e-5, "travel of the steps vs v dt summed");
    assertEquals(rolledM, s.pathLengthM() - path0, 1e-5, "path length");
    // the last 4.5 s are straight at 0.6 m/s: the robot ends at least that far from where it started
    double movedM = Math.hypot(s.xM() - x0, s.yM() - y0);
    assertEquals(0.6 * (5 - 0.05), rolledM, 1e-3, "v = 0.6 (1 - e^(-t/tau)) m/s integrated");
    org.junit.jupiter.api.Assertions.assertTrue(movedM > 0.6 * 4.5, "moved " + movedM);
  }

  @Test
  void aStepWithATinyYawRateAtALargeHeadingMovesTheRobotByVTimesDt() {
    DiffDriveState s = new DiffDriveState(DiffDriveConfig.small());
    s.headingRad = 1000;   // ~159 turns
    s.wheelSpeedRadS[0] = 10;
    s.wheelSpeedRadS[1] = 10 + 1e-9;   // w = r (wR - wL) / b = 2e-10 rad/s
    s.wheelCommand()[0] = 10 / 20.0;
    s.wheelCommand()[1] = (10 + 1e-9) / 20.0;
    DiffDrivePhysics.step(s);
    double stepM = s.vMS() * s.config().timestepS();
    assertEquals(stepM * Math.cos(1000), s.xM(), 1e-12);
    assertEquals(stepM * Math.sin(1000), s.yM(), 1e-12);
  }
}
