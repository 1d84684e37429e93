package io.ganglion.firmware.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.FaultFlags;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.config.DriveParams;
import org.junit.jupiter.api.Test;

/** Bad drive parameters are refused when built; bad inputs at run time are flags, never outputs. */
class DriveLawFaultsTest {

  private static final DriveParams P = new DriveParams(0.05, 0.2, 20.0, 0.5, 0.5, 0.0);

  @Test
  void parametersOutOfRangeOrNotFiniteAreRefusedWithTheirFieldPath() {
    InvalidInputException zeroRadius = assertThrows(InvalidInputException.class,
        () -> new DriveParams(0.0, 0.2, 20.0, 0.5, 0.0, 0.0));
    assertEquals("law.params.wheel_radius_m: 0.0 is out of range; use 0.001..1 m in the board file's law.params",
        zeroRadius.getMessage());
    InvalidInputException nanTrack = assertThrows(InvalidInputException.class,
        () -> new DriveParams(0.05, Double.NaN, 20.0, 0.5, 0.0, 0.0));
    assertTrue(nanTrack.getMessage().startsWith("law.params.track_m: NaN is not a number; use 0.001..10 m"),
        nanTrack.getMessage());
    assertTrue(assertThrows(InvalidInputException.class, () -> new DriveParams(0.05, 0.2, Double.POSITIVE_INFINITY, 0.5, 0, 0))
        .getMessage().startsWith("law.params.max_wheel_speed_rad_s: Infinity is not a number"));
    assertTrue(assertThrows(InvalidInputException.class, () -> new DriveParams(0.05, 0.2, 20, -0.1, 0, 0))
        .getMessage().startsWith("law.params.kp: -0.1 is out of range; use 0..100"));
    assertTrue(assertThrows(InvalidInputException.class, () -> new DriveParams(0.05, 0.2, 20, 0.5, 101, 0))
        .getMessage().startsWith("law.params.v_m_s: 101.0 is out of range; use -100..100 m/s"));
    assertTrue(assertThrows(InvalidInputException.class, () -> new DriveParams(0.05, 0.2, 20, 0.5, 0, -1001))
        .getMessage().startsWith("law.params.w_rad_s: -1001.0 is out of range; use -1000..1000 rad/s"));
  }

  @Test
  void aNonFiniteMeasuredSpeedIsAFaultFlagAndThatWheelGetsFeedForwardOnly() {
    DriveLaw law = new DriveLaw(P); // v = 0.5 m/s: target 10 rad/s per wheel, feed-forward 0.5
    LawInputs in = new LawInputs(2);
    in.jointValid[0] = true;
    in.jointValid[1] = true;
    double[] u = new double[2];
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      in.jointVelocityRadPerSec[0] = bad;
      in.jointVelocityRadPerSec[1] = 5.0;
      assertEquals(FaultFlags.INPUT_OUT_OF_RANGE, law.step(in, u), "measured " + bad);
      assertEquals(0.5, u[0], 0.0, "feed-forward only with " + bad);
      assertEquals(0.5 + 0.5 * 5.0 / 20.0, u[1], 1e-15, "the other wheel keeps its feedback");
    }
    in.jointVelocityRadPerSec[0] = 10.0;
    in.jointVelocityRadPerSec[1] = 10.0;
    assertEquals(0, law.step(in, u), "the flag clears with finite inputs");
    assertEquals(0.5, u[0], 1e-15);
  }

  @Test
  void nonFiniteCommandsAreRefusedAndCountedAndOutputsStayFinite() {
    DriveLaw law = new DriveLaw(P);
    assertFalse(law.setCommand(Double.NaN, 0.0));
    assertFalse(law.setCommand(0.1, Double.NEGATIVE_INFINITY));
    assertTrue(law.setCommand(1e300, -1e300), "finite, saturated by the law");
    assertEquals(2, law.refusedCommands());
    double[] u = new double[2];
    assertEquals(0, law.step(new LawInputs(2), u));
    assertTrue(Double.isFinite(u[0]) && Double.isFinite(u[1]) && Math.abs(u[0]) <= 1 && Math.abs(u[1]) <= 1,
        u[0] + ", " + u[1]);
  }

  @Test
  void aShortOutputArrayIsAShapeFaultNotAnException() {
    DriveLaw law = new DriveLaw(P);
    double[] one = {7.0};
    assertEquals(FaultFlags.INPUT_SHAPE_MISMATCH, law.step(new LawInputs(2), one));
    assertEquals(0.0, one[0], 0.0);
    assertEquals(FaultFlags.INPUT_SHAPE_MISMATCH, law.step(new LawInputs(2), new double[0]));
  }
}
