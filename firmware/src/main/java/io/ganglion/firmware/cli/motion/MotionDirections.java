package io.ganglion.firmware.cli.motion;

import io.ganglion.controllers.motion.MotionClass;
import io.ganglion.sim.motion.MotionModel;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What the motion commands read from a model's output spikes counted per class: the histogram per
 * direction (over all speeds), the dominant direction (the most frequent one; ties: the smaller
 * angle) and the dominant speed (the most frequent speed among that direction's spikes), and how
 * they are printed. Directions are in the image axes: 0 = right, 90 = down.
 */
final class MotionDirections {

  private final List<MotionClass> classes;
  /** The distinct class directions in degrees, ascending. */
  private final double[] directionsDeg;
  /** Per class: its index in {@link #directionsDeg}. */
  private final int[] directionOfClass;

  MotionDirections(MotionModel model) {
    this.classes = model.classes();
    TreeSet<Double> set = new TreeSet<>();
    for (MotionClass c : classes) {
      set.add(c.directionDeg());
    }
    this.directionsDeg = set.stream().mapToDouble(Double::doubleValue).toArray();
    this.directionOfClass = new int[classes.size()];
    for (int c = 0; c < classes.size(); c++) {
      directionOfClass[c] = Arrays.binarySearch(directionsDeg, classes.get(c).directionDeg());
    }
  }

  /** The distinct class directions in degrees, ascending (a copy). */
  double[] directionsDeg() {
    return directionsDeg.clone();
  }

  /** Spikes per direction (index into {@link #directionsDeg()}). */
  long[] histogram(long[] perClass) {
    long[] h = new long[directionsDeg.length];
    for (int c = 0; c < perClass.length; c++) {
      h[directionOfClass[c]] += perClass[c];
    }
    return h;
  }

  /** The most frequent direction (deg), or NaN without spikes. */
  double dominantDirectionDeg(long[] perClass) {
    long[] h = histogram(perClass);
    int best = -1;
    for (int i = 0; i < h.length; i++) {
      if (h[i] > 0 && (best < 0 || h[i] > h[best])) {
        best = i;
      }
    }
    return best < 0 ? Double.NaN : directionsDeg[best];
  }

  /** The most frequent speed (px/s) among the spikes of the dominant direction, or NaN. */
  double dominantSpeedPxPerS(long[] perClass) {
    double dir = dominantDirectionDeg(perClass);
    int best = -1;
    for (int c = 0; c < perClass.length; c++) {
      if (classes.get(c).directionDeg() == dir && perClass[c] > 0 && (best < 0 || perClass[c] > perClass[best])) {
        best = c;
      }
    }
    return best < 0 ? Double.NaN : classes.get(best).speedPxPerS();
  }

  /** "DEG deg at SPEED px/s" for the dominant direction and speed of {@code perClass}, "-" without spikes. */
  String describeDominant(long[] perClass) {
    double dir = dominantDirectionDeg(perClass);
    if (Double.isNaN(dir)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%s deg at %.0f px/s", formatDeg(dir), dominantSpeedPxPerS(perClass));
  }

  /** The header of a window table: time, events, spikes, one column per direction, the dominant one. */
  String tableHeader() {
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%10s %8s %7s ", "t (ms)", "events", "spikes"));
    for (double d : directionsDeg) {
      head.append(String.format(Locale.ROOT, "%6s", formatDeg(d)));
    }
    return head.append("   dominant").toString();
  }

  /** A row of the window table ({@link #tableHeader}). */
  String tableRow(double tMs, long events, long[] perClass) {
    long spikes = 0;
    for (long c : perClass) {
      spikes += c;
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%10.1f %8d %7d ", tMs, events, spikes));
    for (long h : histogram(perClass)) {
      line.append(String.format(Locale.ROOT, "%6d", h));
    }
    return line.append("   ").append(describeDominant(perClass)).toString();
  }

  /** A direction or speed for JSON: the number, or null for NaN (no spikes). */
  static Object nullable(double v) {
    return Double.isFinite(v) ? v : null;
  }

  /** A direction in degrees: whole numbers without decimals, others with one. */
  static String formatDeg(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.1f", d);
  }
}
