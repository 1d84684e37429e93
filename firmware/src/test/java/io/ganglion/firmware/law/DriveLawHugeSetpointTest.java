package io.ganglion.firmware.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.config.DriveParams;
import org.junit.jupiter.api.Test;

/**
 * A finite setpoint so large that its wheel speeds overflow a double (a remote {@code set v_m_s
 * 1e307}) is saturated like any other too-fast setpoint: full speed with the commanded curvature,
 * never NaN commands (which would trip the failsafe for a finite command it accepted).
 */
class DriveLawHugeSetpointTest {

  private static final DriveParams P = new DriveParams(0.05, 0.2, 20.0, 0.5, 0.0, 0.0);

  private static double[] step(DriveLaw law) {
    double[] u = new double[2];
    assertEquals(0, law.step(new LawInputs(2), u));
    return u;
  }

  @Test
  void aHugeForwardSpeedIsFullForwardOnBothWheels() {
    DriveLaw law = new DriveLaw(P);
    assertTrue(law.setCommand(1e307, 0.0));
    double[] u = step(law);
    assertEquals(1.0, u[0], 0.0, "left");
    assertEquals(1.0, u[1], 0.0, "right");
  }

  @Test
  void aHugeYawRateIsFullSpinWithOppositeWheels() {
    DriveLaw law = new DriveLaw(P);
    assertTrue(law.setCommand(0.0, -Double.MAX_VALUE));
    double[] u = step(law);
    assertEquals(1.0, u[0], 0.0, "left forward when turning right");
    assertEquals(-1.0, u[1], 0.0, "right backward");
  }

  @Test
  void aHugeSetpointKeepsItsCurvature() {
    DriveLaw law = new DriveLaw(P);
    // v = 1e307 m/s, w = 1e308 rad/s: w b / 2 = 1e307 m/s, so the left wheel stands still and the right one runs full
    assertTrue(law.setCommand(1e307, 1e308));
    double[] u = step(law);
    assertEquals(0.0, u[0], 1e-12, "left");
    assertEquals(1.0, u[1], 0.0, "right");
  }
}
