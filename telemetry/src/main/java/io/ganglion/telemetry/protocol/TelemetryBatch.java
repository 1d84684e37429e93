package io.ganglion.telemetry.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * A batch of samples of one stream from one board, with the batch's sequence number: what one
 * {@code telemetry/<stream>} message carries. Values are kept raw (see {@link FieldType}) so that
 * binary and JSON round trips are exact.
 *
 * <p>Mutable with a fixed capacity, so a publisher reuses one instance per stream: {@link
 * #reset(long)}, then {@link #add} samples (allocation-free). Decoders return a new, exactly sized
 * instance.
 */
public final class TelemetryBatch {

  private final String board;
  private final StreamSchema schema;
  private final int capacity;
  private final long[] tUs;
  private final long[] raw;
  private long seq;
  private int count;

  /**
   * @param board a valid board id
   * @param schema the stream
   * @param capacity most samples the batch holds (1..65535)
   */
  public TelemetryBatch(String board, StreamSchema schema, int capacity) {
    this.board = Names.requireBoardId(board);
    this.schema = Objects.requireNonNull(schema, "schema");
    if (capacity < 1 || capacity > BinaryTelemetryCodec.MAX_SAMPLES) {
      throw new io.ganglion.drivers.InvalidInputException("batch capacity " + capacity + " is out of range; use 1.."
          + BinaryTelemetryCodec.MAX_SAMPLES);
    }
    this.capacity = capacity;
    this.tUs = new long[capacity];
    this.raw = new long[capacity * schema.fieldCount()];
  }

  /** Empties the batch and sets its sequence number. */
  public void reset(long sequence) {
    this.seq = sequence;
    this.count = 0;
  }

  /**
   * Appends one sample: {@code tUs} and {@code fieldCount} raw values from {@code values} starting
   * at {@code offset}. Allocation-free.
   *
   * @return false (and nothing added) when the batch is full
   */
  public boolean add(long sampleTUs, long[] values, int offset) {
    if (count == capacity) {
      return false;
    }
    int n = schema.fieldCount();
    tUs[count] = sampleTUs;
    System.arraycopy(values, offset, raw, count * n, n);
    count++;
    return true;
  }

  /** Appends one sample given as doubles (converted by {@link FieldType#rawFromDouble}). */
  public boolean addDoubles(long sampleTUs, double... values) {
    if (count == capacity) {
      return false;
    }
    int n = schema.fieldCount();
    if (values.length != n) {
      throw new IllegalArgumentException("stream " + schema.name() + " has " + n + " fields, got " + values.length + " values");
    }
    tUs[count] = sampleTUs;
    for (int f = 0; f < n; f++) {
      raw[count * n + f] = schema.type(f).rawFromDouble(values[f]);
    }
    count++;
    return true;
  }

  /** The board id. */
  public String board() {
    return board;
  }

  /** The stream declaration. */
  public StreamSchema schema() {
    return schema;
  }

  /** The batch sequence number (per board and stream, from 0, +1 per batch sent). */
  public long seq() {
    return seq;
  }

  /** Samples in the batch. */
  public int size() {
    return count;
  }

  /** Most samples the batch holds. */
  public int capacity() {
    return capacity;
  }

  /** Timestamp of sample {@code i} in microseconds. */
  public long tUs(int i) {
    checkIndex(i);
    return tUs[i];
  }

  /** Raw value of field {@code field} of sample {@code i}. */
  public long raw(int i, int field) {
    checkIndex(i);
    return raw[i * schema.fieldCount() + field];
  }

  /** Value of field {@code field} of sample {@code i} as a double (SI units). */
  public double value(int i, int field) {
    return schema.type(field).toDouble(raw(i, field));
  }

  /** Value of the field named {@code fieldName} of sample {@code i}. */
  public double value(int i, String fieldName) {
    int f = schema.indexOf(fieldName);
    if (f < 0) {
      throw new IllegalArgumentException("stream " + schema.name() + " has no field " + fieldName);
    }
    return value(i, f);
  }

  private void checkIndex(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("sample " + i + " of " + count);
    }
  }

  /** Same board, schema, seq and samples (raw values compared bit for bit). */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TelemetryBatch)) {
      return false;
    }
    TelemetryBatch b = (TelemetryBatch) o;
    int n = schema.fieldCount();
    return board.equals(b.board) && schema.equals(b.schema) && seq == b.seq && count == b.count
        && Arrays.equals(tUs, 0, count, b.tUs, 0, count) && Arrays.equals(raw, 0, count * n, b.raw, 0, count * n);
  }

  @Override
  public int hashCode() {
    return Objects.hash(board, schema.name(), seq, count);
  }

  @Override
  public String toString() {
    return "batch " + board + "/" + schema.name() + " seq " + seq + " (" + count + " samples)";
  }
}
