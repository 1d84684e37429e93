package io.ganglion.firmware.cli.bench;

import java.util.Arrays;

/** One measurement's values over the rounds (events/s and bytes per event): median, min, max. */
final class RoundSeries {

  private double[] perSecond = new double[8];
  private double[] bytesPerEvent = new double[8];
  private int count;

  void add(double eventsPerSecond, double bytes) {
    if (count == perSecond.length) {
      perSecond = Arrays.copyOf(perSecond, 2 * count);
      bytesPerEvent = Arrays.copyOf(bytesPerEvent, 2 * count);
    }
    perSecond[count] = eventsPerSecond;
    bytesPerEvent[count] = bytes;
    count++;
  }

  double median() {
    return median(perSecond, count);
  }

  double medianBytesPerEvent() {
    return median(bytesPerEvent, count);
  }

  double min() {
    return Arrays.stream(perSecond, 0, count).min().orElse(Double.NaN);
  }

  double max() {
    return Arrays.stream(perSecond, 0, count).max().orElse(Double.NaN);
  }

  /** The median of the first {@code count} values (NaN for none); the values are not reordered. */
  static double median(double[] values, int count) {
    if (count == 0) {
      return Double.NaN;
    }
    double[] v = Arrays.copyOf(values, count);
    Arrays.sort(v);
    return count % 2 == 1 ? v[count / 2] : (v[count / 2 - 1] + v[count / 2]) / 2;
  }
}
