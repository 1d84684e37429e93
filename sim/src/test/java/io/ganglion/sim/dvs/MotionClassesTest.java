package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ganglion.drivers.InvalidInputException;
import org.junit.jupiter.api.Test;

class MotionClassesTest {

  @Test
  void classIsSpeedIndexTimesDPlusDirectionIndex() {
    MotionClasses c = MotionClasses.paper();
    assertEquals(36, c.count());
    assertEquals(12 * 2 + 5, c.classIndex(2, 5));
    assertEquals(5, c.directionIndexOf(29));
    assertEquals(2, c.speedIndexOf(29));
    assertEquals(150.0, c.directionDegOfClass(29));
    assertEquals(0.63, c.speedOfClassPxPerMs(29));
  }

  @Test
  void directionsFollowTheImageConventionWithYDown() {
    MotionClasses c = new MotionClasses(8, 0.5);
    assertEquals(0.5, c.vxPxPerMs(0));
    assertEquals(0.0, c.vyPxPerMs(0));
    assertEquals(0.0, c.vxPxPerMs(2), "90 deg has no x component (exactly)");
    assertEquals(0.5, c.vyPxPerMs(2), "90 deg is down: +y");
    assertEquals(-0.5, c.vxPxPerMs(4));
    assertEquals(-0.5, c.vyPxPerMs(6), "270 deg is up");
    assertEquals(0.5 * Math.sqrt(0.5), c.vxPxPerMs(1), 1e-15);
    for (int k = 0; k < c.count(); k++) {
      double deg = Math.toDegrees(Math.atan2(c.vyPxPerMs(k), c.vxPxPerMs(k)));
      assertEquals(0, Math.IEEEremainder(deg - c.directionDegOfClass(k), 360), 1e-9, "atan2(vy, vx) of class " + k);
    }
    assertEquals(2, c.nearestDirectionIndex(95));
    assertEquals(0, c.nearestDirectionIndex(-10));
    assertEquals(7, c.nearestDirectionIndex(-40));
  }

  @Test
  void defaultSpeedsAreThePapersGeometricSeries() {
    assertArrayEquals(new double[] {0.25, 0.40, 0.63}, MotionClasses.defaultSpeeds(3));
    assertArrayEquals(new double[] {0.40}, MotionClasses.defaultSpeeds(1));
    assertArrayEquals(new double[] {0.25, 0.63}, MotionClasses.defaultSpeeds(2));
    assertEquals(MotionClasses.paper(), MotionClasses.of(12, 3));
  }

  @Test
  void badClassesAreRejected() {
    assertThrows(InvalidInputException.class, () -> new MotionClasses(0, 0.4));
    assertThrows(InvalidInputException.class, () -> new MotionClasses(8, 0.4, 0.3));
    assertThrows(InvalidInputException.class, () -> new MotionClasses(8, -1));
    assertThrows(IndexOutOfBoundsException.class, () -> MotionClasses.paper().classIndex(3, 0));
  }
}
