package io.ganglion.sim.io;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.servo.ServoChannelConfig;
import io.ganglion.drivers.servo.ServoIO;
import io.ganglion.drivers.servo.ServoInputs;
import java.util.List;

/**
 * A {@link ServoIO} that writes a simulation's control inputs: output i sets {@code controls[i]}
 * (e.g. a swimmer's motor controls, {@code SwimmerState.ctrl()}, or a robot's wheel commands) to
 * the command clamped to the channel's limits; a NaN/infinite command writes the safe value and
 * sets {@code INVALID_COMMAND}, as the PCA9685 driver does. {@link #disableAll()} writes 0 (no
 * signal, no drive). Pulse widths are reported when the outputs were given as
 * {@link ServoChannelConfig}s, else 0. Allocation-free.
 */
public final class ServoIOSim implements ServoIO {

  private final double[] controls;
  private final double[] limitMin;
  private final double[] limitMax;
  private final double[] safe;
  private final ServoChannelConfig[] channels;
  private final NanoClock clock;
  private final int n;
  private final double[] commands;
  private final boolean[] limited;
  private int commandFaults;
  private boolean safeApplied;
  private boolean disabled = true;
  private volatile int injectedFaults;

  /**
   * Outputs with limits and safe values.
   *
   * @param controls the simulation's control array written by the outputs (same length)
   */
  public ServoIOSim(double[] controls, double[] limitMin, double[] limitMax, double[] safe, NanoClock clock) {
    this(controls, limitMin, limitMax, safe, null, clock);
  }

  private ServoIOSim(double[] controls, double[] limitMin, double[] limitMax, double[] safe,
      ServoChannelConfig[] channels, NanoClock clock) {
    this.n = controls.length;
    if (limitMin.length != n || limitMax.length != n || safe.length != n) {
      throw new IllegalArgumentException("limits and safe values need one entry per control (" + n + ")");
    }
    for (int i = 0; i < n; i++) {
      if (!(limitMin[i] <= safe[i] && safe[i] <= limitMax[i])) {
        throw new IllegalArgumentException("output " + i + ": safe value " + safe[i] + " outside its limits ["
            + limitMin[i] + ", " + limitMax[i] + "]");
      }
    }
    this.controls = controls;
    this.limitMin = limitMin.clone();
    this.limitMax = limitMax.clone();
    this.safe = safe.clone();
    this.channels = channels;
    this.clock = clock;
    this.commands = new double[n];
    this.limited = new boolean[n];
  }

  /** Outputs commanded in [-1, 1] with limits [-1, 1] and the same safe value. */
  public static ServoIOSim normalized(double[] controls, double safeValue, NanoClock clock) {
    int n = controls.length;
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] s = new double[n];
    java.util.Arrays.fill(lo, -1.0);
    java.util.Arrays.fill(hi, 1.0);
    java.util.Arrays.fill(s, safeValue);
    return new ServoIOSim(controls, lo, hi, s, clock);
  }

  /** Outputs with the limits, safe values and pulse mapping of PWM channels (same order as controls). */
  public static ServoIOSim fromChannels(double[] controls, List<ServoChannelConfig> channels, NanoClock clock) {
    int n = channels.size();
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = channels.get(i).limitMin();
      hi[i] = channels.get(i).limitMax();
      s[i] = channels.get(i).safeCommand();
    }
    return new ServoIOSim(controls, lo, hi, s, channels.toArray(new ServoChannelConfig[0]), clock);
  }

  /** Non-zero {@code DeviceFaults} bits are reported by {@link #updateInputs} (outputs still work). */
  public void setFault(int deviceFaults) {
    injectedFaults = deviceFaults;
  }

  @Override
  public int channelCount() {
    return n;
  }

  @Override
  public void apply(double[] in) {
    boolean lengthOk = in != null && in.length == n;
    int faults = lengthOk ? 0 : DeviceFaults.INVALID_COMMAND;
    boolean allSafe = true;
    for (int i = 0; i < n; i++) {
      double c = lengthOk ? in[i] : safe[i];
      if (!Double.isFinite(c)) {
        faults |= DeviceFaults.INVALID_COMMAND;
        c = safe[i];
      }
      double v = c < limitMin[i] ? limitMin[i] : (c > limitMax[i] ? limitMax[i] : c);
      limited[i] = v != c;
      commands[i] = v;
      controls[i] = v;
      allSafe &= v == safe[i];
    }
    commandFaults = faults;
    safeApplied = allSafe;
    disabled = false;
  }

  @Override
  public void applySafe() {
    for (int i = 0; i < n; i++) {
      commands[i] = safe[i];
      controls[i] = safe[i];
      limited[i] = false;
    }
    commandFaults = 0;
    safeApplied = true;
    disabled = false;
  }

  @Override
  public void disableAll() {
    for (int i = 0; i < n; i++) {
      commands[i] = 0;
      controls[i] = 0;
      limited[i] = false;
    }
    safeApplied = false;
    disabled = true;
  }

  @Override
  public void updateInputs(ServoInputs inputs) {
    int injected = injectedFaults;
    inputs.connected = (injected & DeviceFaults.BUS_ERROR) == 0;
    inputs.faultFlags = commandFaults | injected;
    for (int i = 0; i < n; i++) {
      inputs.commands[i] = commands[i];
      inputs.limited[i] = limited[i];
      inputs.pulseWidthUs[i] = channels == null || disabled ? 0.0 : channels[i].pulseUs(commands[i]);
      inputs.counts[i] = 0;
    }
    inputs.safeApplied = safeApplied;
    inputs.disabled = disabled;
    inputs.timestampNanos = clock.nanoTime();
  }
}
