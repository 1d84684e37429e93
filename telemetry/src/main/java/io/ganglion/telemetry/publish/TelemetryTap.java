package io.ganglion.telemetry.publish;

import io.ganglion.telemetry.protocol.EventSink;

/**
 * What the control loop sees of telemetry: it hands over samples and events and returns at once.
 * Every method is allocation-free, never blocks, never throws on data and never waits on the
 * network; a sample or event that cannot be queued is dropped and counted. Samples must be
 * offered from one thread (the loop); events from any thread.
 *
 * <p>Streams are addressed by index (their position in the publisher's stream list; {@link
 * #streamIndex} at setup). Values are in SI units and converted to each field's type ({@link
 * io.ganglion.telemetry.protocol.FieldType#rawFromDouble}); the {@link #claim} slot API writes
 * integer and raw Q16 values exactly.
 */
public interface TelemetryTap extends EventSink {

  /** A tap that drops everything (telemetry off). */
  TelemetryTap NONE = new TelemetryTap() {
    @Override
    public int streamIndex(String name) {
      return -1;
    }

    @Override
    public boolean offer(int stream, long tUs, double[] values) {
      return false;
    }

    @Override
    public boolean offerRaw(int stream, long tUs, long[] raw) {
      return false;
    }

    @Override
    public SampleWriter claim(int stream, long tUs) {
      return null;
    }

    @Override
    public boolean offerEvent(long tUs, String kind, String detail, double value) {
      return false;
    }
  };

  /** Index of the stream named {@code name}, or -1 (call at setup, not per tick). */
  int streamIndex(String name);

  /**
   * Queues one sample whose values (one per field, in declaration order) are copied.
   *
   * @return false when dropped (ring full, unknown stream, wrong value count)
   */
  boolean offer(int stream, long tUs, double[] values);

  /** Queues one sample of raw values (see {@link io.ganglion.telemetry.protocol.FieldType}). */
  boolean offerRaw(int stream, long tUs, long[] raw);

  /**
   * Reserves the next ring slot for a sample of {@code stream} at {@code tUs}: set fields on the
   * returned writer, then {@link SampleWriter#commit()}. Unset fields are 0.
   *
   * @return the writer, or null when the sample is dropped (ring full or unknown stream)
   */
  SampleWriter claim(int stream, long tUs);

  /** {@link #offer(int, long, double[])} for a one-field stream. */
  default boolean offer(int stream, long tUs, double v0) {
    SampleWriter w = claim(stream, tUs);
    if (w == null) {
      return false;
    }
    return w.putDouble(0, v0).commit();
  }

  /** {@link #offer(int, long, double[])} for a two-field stream. */
  default boolean offer(int stream, long tUs, double v0, double v1) {
    SampleWriter w = claim(stream, tUs);
    if (w == null) {
      return false;
    }
    return w.putDouble(0, v0).putDouble(1, v1).commit();
  }

  /** {@link #offer(int, long, double[])} for a three-field stream. */
  default boolean offer(int stream, long tUs, double v0, double v1, double v2) {
    SampleWriter w = claim(stream, tUs);
    if (w == null) {
      return false;
    }
    return w.putDouble(0, v0).putDouble(1, v1).putDouble(2, v2).commit();
  }

  /** {@link #offer(int, long, double[])} for a four-field stream. */
  default boolean offer(int stream, long tUs, double v0, double v1, double v2, double v3) {
    SampleWriter w = claim(stream, tUs);
    if (w == null) {
      return false;
    }
    return w.putDouble(0, v0).putDouble(1, v1).putDouble(2, v2).putDouble(3, v3).commit();
  }
}
