package io.ganglion.sim.dvs;

/**
 * One stretch of constant velocity of a {@link MotionTrack}, for times {@code startUs <= t < endUs}
 * (the last segment also holds t = endUs). Position offset of the texture:
 * {@code o(t) = (startXPx, startYPx) + v * (t - startUs) / 1000} (v in px/ms, t in us).
 *
 * @param classIndex the motion class ({@link MotionClasses} layout), or -1 for a velocity that is
 *     not one of the classes
 * @param directionDeg atan2(vy, vx) in degrees, image convention (+90 = down)
 */
public record MotionSegment(long startUs, long endUs, int classIndex, double directionDeg, double speedPxPerMs,
    double vxPxPerMs, double vyPxPerMs, double startXPx, double startYPx) {

  /** Length in us. */
  public long durationUs() {
    return endUs - startUs;
  }

  /** x offset at time {@code tUs} (extrapolated outside the segment). */
  public double offsetXAt(double tUs) {
    return startXPx + vxPxPerMs * (tUs - startUs) / 1000.0;
  }

  /** y offset at time {@code tUs} (extrapolated outside the segment). */
  public double offsetYAt(double tUs) {
    return startYPx + vyPxPerMs * (tUs - startUs) / 1000.0;
  }
}
