package io.ganglion.sim.dvs;

/**
 * An infinite (periodic or analytic) image that the simulator translates in front of the sensor.
 * It is defined by its log intensity {@code L(u, v) = ln I(u, v)} at texture coordinates (u, v) in
 * pixels (u right, v down); intensities are positive, so L is always finite.
 *
 * <p>The scene at time t seen by sensor pixel (x, y) is the texture shifted by the motion's offset
 * (ox(t), oy(t)): {@code L_scene(x, y, t) = L(x - ox(t), y - oy(t))}, so the pattern moves in the
 * direction of (ox, oy).
 */
public interface Texture {

  /** Log intensity at texture point (u, v), any real coordinates. */
  double logIntensityAt(double u, double v);

  /**
   * Fills {@code dest[y * widthPx + x] = logIntensityAt(x - offsetXPx, y - offsetYPx)} for the
   * {@code widthPx x heightPx} sensor (float precision). Allocation-free.
   */
  void renderLog(double offsetXPx, double offsetYPx, int widthPx, int heightPx, float[] dest);
}
