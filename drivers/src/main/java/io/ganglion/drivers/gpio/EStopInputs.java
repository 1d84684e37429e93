package io.ganglion.drivers.gpio;

/** What an {@link EStopIO} reports each tick. */
public final class EStopInputs {

  /** Debounced and fail-safe: true means stop. */
  public boolean pressed = true;
  /** The last raw sample was readable. */
  public boolean readable;
  /** The last raw sample was at the active level. */
  public boolean rawActive;
  /** {@link io.ganglion.drivers.DeviceFaults} bits ({@code UNREADABLE}). */
  public int faultFlags;
  /** Samples that could not be read since start. */
  public long readErrorCount;
  /** Debounced press events since start (the initial pressed state not counted). */
  public long pressCount;
  /** When these inputs were taken. */
  public long timestampNanos;
}
