package io.ganglion.firmware.core;

import io.ganglion.drivers.servo.ServoChannelConfig;
import java.util.List;

/**
 * Per-channel command limits the firmware applies to the law's commands before they reach the
 * {@code ServoIO} (the PCA9685 driver clamps again: the drivers protect the hardware, the firmware
 * reports that the law asked for more). Allocation-free {@link #apply}.
 */
public final class ActuatorLimits {

  private final double[] min;
  private final double[] max;

  public ActuatorLimits(double[] min, double[] max) {
    if (min.length != max.length) {
      throw new IllegalArgumentException("one min and one max per channel");
    }
    for (int i = 0; i < min.length; i++) {
      if (!(min[i] <= max[i])) {
        throw new IllegalArgumentException("channel " + i + ": limits [" + min[i] + ", " + max[i] + "] are not ordered");
      }
    }
    this.min = min.clone();
    this.max = max.clone();
  }

  /** [-1, 1] on {@code n} channels. */
  public static ActuatorLimits normalized(int n) {
    double[] lo = new double[n];
    double[] hi = new double[n];
    java.util.Arrays.fill(lo, -1.0);
    java.util.Arrays.fill(hi, 1.0);
    return new ActuatorLimits(lo, hi);
  }

  /** The limits of PWM channels. */
  public static ActuatorLimits of(List<ServoChannelConfig> channels) {
    double[] lo = new double[channels.size()];
    double[] hi = new double[channels.size()];
    for (int i = 0; i < lo.length; i++) {
      lo[i] = channels.get(i).limitMin();
      hi[i] = channels.get(i).limitMax();
    }
    return new ActuatorLimits(lo, hi);
  }

  /** Number of channels. */
  public int channels() {
    return min.length;
  }

  /**
   * dest_i = clamp(commands_i, min_i, max_i) (a NaN stays NaN: the caller checks finiteness first);
   * returns how many commands were clamped.
   */
  public int apply(double[] commands, double[] dest) {
    int clamped = 0;
    for (int i = 0; i < min.length; i++) {
      double c = commands[i];
      double v = c < min[i] ? min[i] : (c > max[i] ? max[i] : c);
      if (v != c) {
        clamped++;
      }
      dest[i] = v;
    }
    return clamped;
  }
}
