package io.ganglion.drivers.encoder;

/** What an {@link EncoderIO} reports each tick. Angles in rad, velocity in rad/s. */
public final class EncoderInputs {

  /** The last read succeeded. */
  public boolean connected;
  /** A magnet is detected and the angle is fresh ({@code connected && magnetDetected}). */
  public boolean valid;
  public boolean magnetDetected;
  public boolean magnetTooWeak;
  public boolean magnetTooStrong;
  /** {@link io.ganglion.drivers.DeviceFaults} bits. */
  public int faultFlags;
  /** The 12-bit raw angle last read (0..4095). */
  public int rawCounts;
  /** direction * (raw angle - zero offset), wrapped to [-pi, pi). Held when not valid. */
  public double angleRad;
  /** The angle unwrapped across turns since start (continuous). Held when not valid. */
  public double positionRad;
  /** d(position)/dt between the last two valid reads; 0 after a gap. */
  public double velocityRadPerSec;
  /** Failed reads since start. */
  public long busErrorCount;
  /** Reads with no magnet, or a magnet too weak/strong, since start. */
  public long magnetFaultCount;
  /** Reads that failed the plausibility check since start. */
  public long invalidFrameCount;
  /** When the last valid angle was read, on the driver's clock. */
  public long sampleTimestampNanos;
  /** When these inputs were taken. */
  public long timestampNanos;
}
