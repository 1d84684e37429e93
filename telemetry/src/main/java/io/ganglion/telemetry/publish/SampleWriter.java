package io.ganglion.telemetry.publish;

import io.ganglion.telemetry.protocol.FieldType;

/**
 * The slot of a sample being written into the ring ({@link TelemetryTap#claim}). One reusable
 * instance per publisher (the loop is the only producer): set fields, then {@link #commit()}.
 * Out-of-range field indexes are ignored and counted as bad offers. Allocation-free.
 */
public final class SampleWriter {

  private final SampleRing ring;
  private final FieldType[][] types;
  private final Runnable badOffer;
  private int stream = -1;
  private int offset;

  SampleWriter(SampleRing ring, FieldType[][] types, Runnable badOffer) {
    this.ring = ring;
    this.types = types;
    this.badOffer = badOffer;
  }

  SampleWriter open(int streamIndex, int valueOffset) {
    this.stream = streamIndex;
    this.offset = valueOffset;
    return this;
  }

  /** Sets field {@code field} from a value in SI units (converted to the field's type). */
  public SampleWriter putDouble(int field, double value) {
    if (stream >= 0 && field >= 0 && field < types[stream].length) {
      ring.values()[offset + field] = types[stream][field].rawFromDouble(value);
    } else {
      badOffer.run();
    }
    return this;
  }

  /**
   * Sets field {@code field} from an integer: the value of integer fields, the raw Q16.16 of
   * {@code q16} fields, the value of floating-point fields.
   */
  public SampleWriter putLong(int field, long value) {
    if (stream >= 0 && field >= 0 && field < types[stream].length) {
      ring.values()[offset + field] = types[stream][field].rawFromLong(value);
    } else {
      badOffer.run();
    }
    return this;
  }

  /** Publishes the sample to the publisher thread. Returns true (for chaining into a return). */
  public boolean commit() {
    if (stream < 0) {
      badOffer.run();
      return false;
    }
    stream = -1;
    ring.commit();
    return true;
  }
}
