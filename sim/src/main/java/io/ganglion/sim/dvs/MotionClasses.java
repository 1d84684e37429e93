package io.ganglion.sim.dvs;

import io.ganglion.drivers.InvalidInputException;
import java.util.Arrays;

/**
 * The motion classes: D directions x S speeds.
 *
 * <p><b>Class layout</b>: {@code class = speedIndex * D + directionIndex}, so classes
 * {@code 0 .. D-1} are the D directions at the first (slowest) speed, and so on. Direction index d
 * points at {@code 360 * d / D} degrees in the image convention (x right, y down,
 * angle = atan2(vy, vx)): d = 0 is +x (right), and with D a multiple of 4, d = D/4 is +y (down,
 * +90 deg). Velocity of class c: {@code (vx, vy) = speed * (cos theta, sin theta)} in px/ms.
 */
public final class MotionClasses {

  /** The paper's speeds (Grimaldi & Perrinet 2023), px/ms. */
  public static final double[] PAPER_SPEEDS_PX_PER_MS = {0.25, 0.40, 0.63};

  private final int directions;
  private final double[] speeds;
  private final double[] vx;
  private final double[] vy;

  /**
   * @param directions D >= 1
   * @param speedsPxPerMs S >= 1 positive speeds, in increasing order
   */
  public MotionClasses(int directions, double... speedsPxPerMs) {
    if (directions < 1 || directions > 360) {
      throw new InvalidInputException("number of directions must be between 1 and 360, got " + directions);
    }
    if (speedsPxPerMs == null || speedsPxPerMs.length < 1 || speedsPxPerMs.length > 100) {
      throw new InvalidInputException("give between 1 and 100 speeds");
    }
    for (int i = 0; i < speedsPxPerMs.length; i++) {
      double s = speedsPxPerMs[i];
      if (!(s > 0 && s <= 1000)) {
        throw new InvalidInputException("speeds must be in (0, 1000] px/ms, got " + s);
      }
      if (i > 0 && !(s > speedsPxPerMs[i - 1])) {
        throw new InvalidInputException("speeds must be distinct and increasing, got " + Arrays.toString(speedsPxPerMs));
      }
    }
    this.directions = directions;
    this.speeds = speedsPxPerMs.clone();
    int n = count();
    vx = new double[n];
    vy = new double[n];
    for (int c = 0; c < n; c++) {
      double theta = StrictMath.toRadians(directionDegOfClass(c));
      double s = speedOfClassPxPerMs(c);
      vx[c] = s * snap(StrictMath.cos(theta));
      vy[c] = s * snap(StrictMath.sin(theta));
    }
  }

  /** D directions at the default speeds for S ({@link #defaultSpeeds}). */
  public static MotionClasses of(int directions, int speedCount) {
    return new MotionClasses(directions, defaultSpeeds(speedCount));
  }

  /** The paper's 12 directions x {0.25, 0.40, 0.63} px/ms = 36 classes. */
  public static MotionClasses paper() {
    return new MotionClasses(12, PAPER_SPEEDS_PX_PER_MS);
  }

  /**
   * S speeds spaced geometrically from 0.25 to 0.63 px/ms and rounded to 0.01 px/ms: S = 3 gives
   * the paper's {0.25, 0.40, 0.63}; S = 1 gives their geometric mean, 0.40.
   */
  public static double[] defaultSpeeds(int speedCount) {
    if (speedCount < 1 || speedCount > 100) {
      throw new InvalidInputException("number of speeds must be between 1 and 100, got " + speedCount);
    }
    double lo = PAPER_SPEEDS_PX_PER_MS[0];
    double hi = PAPER_SPEEDS_PX_PER_MS[2];
    double[] s = new double[speedCount];
    for (int i = 0; i < speedCount; i++) {
      double f = speedCount == 1 ? 0.5 : (double) i / (speedCount - 1);
      // s_i = lo * (hi / lo)^f, rounded to 0.01
      s[i] = Math.round(lo * StrictMath.pow(hi / lo, f) * 100) / 100.0;
    }
    return s;
  }

  /** D. */
  public int directions() {
    return directions;
  }

  /** S. */
  public int speeds() {
    return speeds.length;
  }

  /** D * S. */
  public int count() {
    return directions * speeds.length;
  }

  /** A copy of the speeds in px/ms. */
  public double[] speedValuesPxPerMs() {
    return speeds.clone();
  }

  /** {@code speedIndex * D + directionIndex}. */
  public int classIndex(int speedIndex, int directionIndex) {
    if (speedIndex < 0 || speedIndex >= speeds.length || directionIndex < 0 || directionIndex >= directions) {
      throw new IndexOutOfBoundsException("speed " + speedIndex + " / direction " + directionIndex + " outside "
          + speeds.length + " x " + directions);
    }
    return speedIndex * directions + directionIndex;
  }

  /** {@code c % D}. */
  public int directionIndexOf(int classIndex) {
    check(classIndex);
    return classIndex % directions;
  }

  /** {@code c / D}. */
  public int speedIndexOf(int classIndex) {
    check(classIndex);
    return classIndex / directions;
  }

  /** {@code 360 * d / D} degrees. */
  public double directionDeg(int directionIndex) {
    return 360.0 * directionIndex / directions;
  }

  public double speedPxPerMs(int speedIndex) {
    return speeds[speedIndex];
  }

  public double directionDegOfClass(int classIndex) {
    return directionDeg(directionIndexOf(classIndex));
  }

  public double speedOfClassPxPerMs(int classIndex) {
    return speeds[speedIndexOf(classIndex)];
  }

  /** x velocity of class c in px/ms (speed * cos theta; exactly 0 at +-90 deg). */
  public double vxPxPerMs(int classIndex) {
    check(classIndex);
    return vx[classIndex];
  }

  /** y velocity of class c in px/ms (speed * sin theta, + = down; exactly 0 at 0 and 180 deg). */
  public double vyPxPerMs(int classIndex) {
    check(classIndex);
    return vy[classIndex];
  }

  /** The nearest direction index to an angle in degrees (any real). */
  public int nearestDirectionIndex(double angleDeg) {
    double steps = angleDeg / (360.0 / directions);
    long d = Math.round(steps) % directions;
    return (int) (d < 0 ? d + directions : d);
  }

  private void check(int c) {
    if (c < 0 || c >= count()) {
      throw new IndexOutOfBoundsException("class " + c + " outside 0.." + (count() - 1));
    }
  }

  /** Rounds |v| < 1e-12 to 0, so that cos(90 deg) is exactly 0. */
  static double snap(double v) {
    return Math.abs(v) < 1e-12 ? 0 : v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MotionClasses m && m.directions == directions && Arrays.equals(m.speeds, speeds);
  }

  @Override
  public int hashCode() {
    return 31 * directions + Arrays.hashCode(speeds);
  }

  @Override
  public String toString() {
    return directions + " directions x " + Arrays.toString(speeds) + " px/ms";
  }
}
