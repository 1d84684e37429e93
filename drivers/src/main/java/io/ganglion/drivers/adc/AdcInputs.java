package io.ganglion.drivers.adc;

/** What an {@link AdcIO} reports each tick; arrays are indexed like the configured channels. */
public final class AdcInputs {

  /** The last bus transaction succeeded. */
  public boolean connected;
  /** {@link io.ganglion.drivers.DeviceFaults} bits. */
  public int faultFlags;
  /** The last value of each channel in volts, times the channel's scale. */
  public final double[] volts;
  /** The last raw conversion code of each channel (-32768..32767). */
  public final int[] raw;
  /** Whether the channel got a new value during this call. */
  public final boolean[] fresh;
  /** When each channel's value was collected, on the driver's clock (0: never). */
  public final long[] sampleTimestampNanos;
  /** Conversions collected since start. */
  public long conversionCount;
  /** Failed bus transactions since start. */
  public long busErrorCount;
  /** Conversions that did not finish within twice their nominal time. */
  public long notReadyCount;
  /** Config readbacks that differed from what was written. */
  public long configMismatchCount;
  /** When these inputs were taken. */
  public long timestampNanos;

  public AdcInputs(int channels) {
    volts = new double[channels];
    raw = new int[channels];
    fresh = new boolean[channels];
    sampleTimestampNanos = new long[channels];
  }
}
