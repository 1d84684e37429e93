package io.ganglion.drivers.gpio;

/** What a {@link StatusLedIO} reports. */
public final class StatusLedInputs {

  /** The LED is lit (as last written successfully). */
  public boolean on;
  /** The last pin write succeeded. */
  public boolean connected;
  /** {@link io.ganglion.drivers.DeviceFaults} bits ({@code BUS_ERROR} when a write failed). */
  public int faultFlags;
  /** Failed pin writes since start. */
  public long writeErrorCount;
  /** Pin writes since start (state changes only). */
  public long writeCount;
}
