package io.ganglion.sim.dvs;

import io.ganglion.drivers.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The motion of the texture over a movie, and its ground-truth label track: piecewise-constant
 * velocity segments covering {@code [0, durationUs]}, with a continuous position offset (the
 * texture starts at offset (0, 0)). Immutable; every query is allocation-free.
 */
public final class MotionTrack {

  private final MotionClasses classes;
  private final long durationUs;
  private final MotionSegment[] segments;

  private MotionTrack(MotionClasses classes, long durationUs, MotionSegment[] segments) {
    this.classes = classes;
    this.durationUs = durationUs;
    this.segments = segments;
  }

  /** One class for the whole movie. */
  public static MotionTrack constant(MotionClasses classes, int classIndex, long durationUs) {
    checkDuration(durationUs);
    if (classIndex < 0 || classIndex >= classes.count()) {
      throw new InvalidInputException("class " + classIndex + " outside 0.." + (classes.count() - 1) + " (" + classes + ")");
    }
    return new MotionTrack(classes, durationUs, new MotionSegment[] {segment(classes, classIndex, 0, durationUs, 0, 0)});
  }

  /** A velocity that is not one of the classes (class -1, no {@link #classes()}): for tests and tools. */
  public static MotionTrack constantVelocity(double vxPxPerMs, double vyPxPerMs, long durationUs) {
    checkDuration(durationUs);
    if (!Double.isFinite(vxPxPerMs) || !Double.isFinite(vyPxPerMs)) {
      throw new InvalidInputException("velocity must be finite");
    }
    double speed = Math.hypot(vxPxPerMs, vyPxPerMs);
    double deg = speed == 0 ? 0 : StrictMath.toDegrees(StrictMath.atan2(vyPxPerMs, vxPxPerMs));
    return new MotionTrack(null, durationUs,
        new MotionSegment[] {new MotionSegment(0, durationUs, -1, deg, speed, vxPxPerMs, vyPxPerMs, 0, 0)});
  }

  /**
   * A saccade-like random walk starting with {@code firstClass}: segment lengths uniform in the
   * config's bounds (the last one cut at the movie's end), each next class uniform among the
   * others (with a single class, it stays). Deterministic in {@code seed}.
   */
  public static MotionTrack saccades(MotionClasses classes, int firstClass, long durationUs, SaccadeConfig config, long seed) {
    checkDuration(durationUs);
    if (firstClass < 0 || firstClass >= classes.count()) {
      throw new InvalidInputException("class " + firstClass + " outside 0.." + (classes.count() - 1));
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<MotionSegment> list = new ArrayList<>();
    long t = 0;
    int c = firstClass;
    double x = 0;
    double y = 0;
    while (t < durationUs) {
      long length = config.minSegmentUs() + random.nextLong(config.maxSegmentUs() - config.minSegmentUs() + 1);
      long end = Math.min(durationUs, t + length);
      MotionSegment s = segment(classes, c, t, end, x, y);
      list.add(s);
      x = s.offsetXAt(end);
      y = s.offsetYAt(end);
      t = end;
      if (classes.count() > 1) {
        int other = random.nextInt(classes.count() - 1);
        c = other >= c ? other + 1 : other;
      }
    }
    return new MotionTrack(classes, durationUs, list.toArray(new MotionSegment[0]));
  }

  private static MotionSegment segment(MotionClasses classes, int c, long startUs, long endUs, double x, double y) {
    return new MotionSegment(startUs, endUs, c, classes.directionDegOfClass(c), classes.speedOfClassPxPerMs(c),
        classes.vxPxPerMs(c), classes.vyPxPerMs(c), x, y);
  }

  private static void checkDuration(long durationUs) {
    if (durationUs <= 0 || durationUs > 24L * 3600 * 1_000_000) {
      throw new InvalidInputException("movie duration must be between 1 us and 24 h, got " + durationUs + " us");
    }
  }

  /** The classes, or null for a {@link #constantVelocity} track. */
  public MotionClasses classes() {
    return classes;
  }

  public long durationUs() {
    return durationUs;
  }

  /** The segments in time order (unmodifiable). */
  public List<MotionSegment> segments() {
    return Collections.unmodifiableList(java.util.Arrays.asList(segments));
  }

  public int segmentCount() {
    return segments.length;
  }

  public MotionSegment segment(int i) {
    return segments[i];
  }

  /** Index of the segment holding {@code tUs} (times before 0 map to the first, after the end to the last). */
  public int segmentIndexAt(long tUs) {
    int lo = 0;
    int hi = segments.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (segments[mid].startUs() <= tUs) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  public MotionSegment segmentAt(long tUs) {
    return segments[segmentIndexAt(tUs)];
  }

  /** The ground-truth class at {@code tUs} (-1 for a velocity track). */
  public int classAt(long tUs) {
    return segments[segmentIndexAt(tUs)].classIndex();
  }

  public double directionDegAt(long tUs) {
    return segments[segmentIndexAt(tUs)].directionDeg();
  }

  public double speedPxPerMsAt(long tUs) {
    return segments[segmentIndexAt(tUs)].speedPxPerMs();
  }

  public double vxPxPerMsAt(long tUs) {
    return segments[segmentIndexAt(tUs)].vxPxPerMs();
  }

  public double vyPxPerMsAt(long tUs) {
    return segments[segmentIndexAt(tUs)].vyPxPerMs();
  }

  /** The texture's x offset at {@code tUs} in px. */
  public double offsetXAt(long tUs) {
    return segments[segmentIndexAt(tUs)].offsetXAt(tUs);
  }

  /** The texture's y offset at {@code tUs} in px. */
  public double offsetYAt(long tUs) {
    return segments[segmentIndexAt(tUs)].offsetYAt(tUs);
  }
}
