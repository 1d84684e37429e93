package io.ganglion.drivers.servo;

/** What a {@link ServoIO} reports each tick; arrays are indexed like the configured channels. */
public final class ServoInputs {

  /** The last bus transaction with the chip succeeded. */
  public boolean connected;
  /** {@link io.ganglion.drivers.DeviceFaults} bits. */
  public int faultFlags;
  /** The commands applied, after limits and safe substitution (channel unit). */
  public final double[] commands;
  /** The pulse widths those commands map to, in microseconds (0 = off). */
  public final double[] pulseWidthUs;
  /** The 12-bit OFF counts written (0 = full off, 4096 = full on). */
  public final int[] counts;
  /** Whether the command had to be clamped to the channel's limits. */
  public final boolean[] limited;
  /**
   * The hardware holds every output's safe value: {@code applySafe} (or commands equal to the safe
   * values) was asked for AND reached the device (false while a write failed or the chip is not
   * initialised).
   */
  public boolean safeApplied;
  /** All outputs are fully off (after {@code disableAll}). */
  public boolean disabled;
  /** PRE_SCALE in use. */
  public int prescale;
  /** The PWM frequency the chip produces, in Hz. */
  public double outputFrequencyHz;
  /** Failed bus transactions since start. */
  public long busErrorCount;
  /** Times the chip was found reset (MODE1 back to sleep) and re-initialised. */
  public long resetCount;
  /** When these inputs were taken, on the driver's clock. */
  public long timestampNanos;

  public ServoInputs(int channels) {
    commands = new double[channels];
    pulseWidthUs = new double[channels];
    counts = new int[channels];
    limited = new boolean[channels];
  }
}
