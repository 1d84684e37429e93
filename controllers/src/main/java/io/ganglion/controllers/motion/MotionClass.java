package io.ganglion.controllers.motion;

/**
 * One output class of a motion detector: a translation in the image axes (x right, y down).
 *
 * @param directionDeg atan2(vy, vx) in degrees, in [0, 360): 0 = right, 90 = down (y grows)
 * @param speedPxPerMs speed in pixels per millisecond, finite and &gt; 0
 */
public record MotionClass(double directionDeg, double speedPxPerMs) {

  /** Validates the direction and speed. */
  public MotionClass {
    if (!Double.isFinite(directionDeg) || directionDeg < 0 || directionDeg >= 360) {
      throw new IllegalArgumentException("motion class direction must be in [0, 360) degrees, got " + directionDeg);
    }
    if (!Double.isFinite(speedPxPerMs) || speedPxPerMs <= 0) {
      throw new IllegalArgumentException("motion class speed must be a finite number > 0 px/ms, got " + speedPxPerMs);
    }
  }

  /** Velocity x component, px/ms. */
  public double vxPxPerMs() {
    return speedPxPerMs * Math.cos(Math.toRadians(directionDeg));
  }

  /** Velocity y component (down), px/ms. */
  public double vyPxPerMs() {
    return speedPxPerMs * Math.sin(Math.toRadians(directionDeg));
  }

  /** Speed in pixels per second. */
  public double speedPxPerS() {
    return speedPxPerMs * 1000.0;
  }
}
