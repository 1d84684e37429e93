package io.ganglion.telemetry.protocol;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary telemetry payload, format version 1 (docs/telemetry.md has the byte-by-byte layout
 * and a worked example). All integers little-endian:
 *
 * <pre>
 * 0   4  magic "GTLM" (47 54 4C 4D)
 * 4   1  format version (1)
 * 5   1  flags (0; reserved)
 * 6   2  stream id (u16)
 * 8   8  batch sequence number (i64, >= 0)
 * 16  1  board id length B, then B bytes ASCII
 * .   1  stream name length N, then N bytes ASCII
 * .   1  field count F, then F descriptors: type code (u8), flags (u8, bit 0 = non-finite
 *        allowed), name length L (u8), L bytes ASCII
 * .   2  sample count S (u16, >= 1)
 * .      S samples: t_us (i64), then each field's value in declaration order (1, 4 or 8 bytes)
 * </pre>
 *
 * The payload ends exactly after the last sample; timestamps never decrease within a batch.
 */
public final class BinaryTelemetryCodec implements TelemetryCodec {

  /** Magic "GTLM" read as a little-endian int. */
  public static final int MAGIC_LE = 0x4D4C5447;
  /** Current format version. */
  public static final int VERSION = 1;
  /** Most samples in one batch (u16). */
  public static final int MAX_SAMPLES = 0xFFFF;
  /** The shared instance. */
  public static final BinaryTelemetryCodec INSTANCE = new BinaryTelemetryCodec();

  private static final int FIXED_HEADER = 16;

  private BinaryTelemetryCodec() {}

  @Override
  public TelemetryFormat format() {
    return TelemetryFormat.BINARY;
  }

  /** Bytes {@link #encode(TelemetryBatch, ByteBuffer)} writes for {@code batch}. */
  public static int encodedSize(TelemetryBatch batch) {
    StreamSchema s = batch.schema();
    int size = FIXED_HEADER + 1 + batch.board().length() + 1 + s.name().length() + 1;
    for (int f = 0; f < s.fieldCount(); f++) {
      size += 3 + s.field(f).name().length();
    }
    return size + 2 + batch.size() * s.sampleBytes();
  }

  @Override
  public byte[] encode(TelemetryBatch batch) {
    byte[] out = new byte[encodedSize(batch)];
    encode(batch, ByteBuffer.wrap(out));
    return out;
  }

  /**
   * Writes {@code batch} at {@code dest}'s position (its byte order is set to little-endian).
   * Allocation-free.
   *
   * @return the number of bytes written
   */
  public int encode(TelemetryBatch batch, ByteBuffer dest) {
    if (batch.size() == 0) {
      throw new IllegalArgumentException("cannot encode an empty batch of " + batch.schema().name());
    }
    int start = dest.position();
    StreamSchema s = batch.schema();
    dest.order(ByteOrder.LITTLE_ENDIAN);
    dest.putInt(MAGIC_LE).put((byte) VERSION).put((byte) 0).putShort((short) s.id()).putLong(batch.seq());
    putAscii(dest, batch.board());
    putAscii(dest, s.name());
    dest.put((byte) s.fieldCount());
    for (int f = 0; f < s.fieldCount(); f++) {
      StreamField field = s.field(f);
      dest.put((byte) field.type().code()).put((byte) (field.nonFiniteAllowed() ? 1 : 0));
      putAscii(dest, field.name());
    }
    dest.putShort((short) batch.size());
    for (int i = 0; i < batch.size(); i++) {
      dest.putLong(batch.tUs(i));
      for (int f = 0; f < s.fieldCount(); f++) {
        long raw = batch.raw(i, f);
        switch (s.type(f).sizeBytes()) {
          case 1:
            dest.put((byte) raw);
            break;
          case 4:
            dest.putInt((int) raw);
            break;
          default:
            dest.putLong(raw);
        }
      }
    }
    return dest.position() - start;
  }

  private static void putAscii(ByteBuffer dest, String s) {
    dest.put((byte) s.length());
    for (int i = 0; i < s.length(); i++) {
      dest.put((byte) s.charAt(i));
    }
  }

  @Override
  public TelemetryBatch decode(byte[] payload) {
    ByteBuffer in = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
    need(in, FIXED_HEADER, "the 16-byte fixed header");
    if (in.getInt() != MAGIC_LE) {
      throw new InvalidPayloadException(RejectReason.BAD_MAGIC, 0, "not a Ganglion binary telemetry payload (magic is not GTLM)");
    }
    int version = in.get() & 0xFF;
    if (version != VERSION) {
      throw new InvalidPayloadException(RejectReason.UNSUPPORTED_VERSION, 4,
          "format version " + version + " is not supported (this reader knows version " + VERSION + ")");
    }
    int flags = in.get() & 0xFF;
    if (flags != 0) {
      throw new InvalidPayloadException(RejectReason.BAD_HEADER, 5, "reserved flags 0x" + Integer.toHexString(flags) + " are set");
    }
    int streamId = in.getShort() & 0xFFFF;
    long seq = in.getLong();
    if (seq < 0) {
      throw new InvalidPayloadException(RejectReason.BAD_HEADER, 8, "negative sequence number " + seq);
    }
    String board = getAscii(in, "board id");
    if (!Names.isBoardId(board)) {
      throw new InvalidPayloadException(RejectReason.BAD_NAME, 17, "invalid board id '" + board + "'");
    }
    int nameAt = in.position();
    String stream = getAscii(in, "stream name");
    if (!Names.isStreamName(stream)) {
      throw new InvalidPayloadException(RejectReason.BAD_NAME, nameAt + 1, "invalid stream name '" + stream + "'");
    }
    need(in, 1, "the field count");
    int fieldCount = in.get() & 0xFF;
    if (fieldCount < 1 || fieldCount > StreamSchema.MAX_FIELDS) {
      throw new InvalidPayloadException(RejectReason.BAD_HEADER, in.position() - 1,
          "field count " + fieldCount + " is outside 1.." + StreamSchema.MAX_FIELDS);
    }
    List<StreamField> fields = new ArrayList<>(fieldCount);
    for (int f = 0; f < fieldCount; f++) {
      int at = in.position();
      need(in, 3, "field descriptor " + f);
      int code = in.get() & 0xFF;
      int fieldFlags = in.get() & 0xFF;
      FieldType type = FieldType.ofCode(code);
      if (type == null) {
        throw new InvalidPayloadException(RejectReason.UNKNOWN_TYPE, at, "field " + f + " has unknown type code " + code);
      }
      if ((fieldFlags & ~1) != 0 || (fieldFlags == 1 && !type.isFloatingPoint())) {
        throw new InvalidPayloadException(RejectReason.BAD_HEADER, at + 1, "field " + f + " has invalid flags 0x" + Integer.toHexString(fieldFlags));
      }
      String name = getAscii(in, "field " + f + " name");
      if (!Names.isFieldName(name)) {
        throw new InvalidPayloadException(RejectReason.BAD_NAME, at + 3, "invalid field name '" + name + "'");
      }
      for (StreamField prev : fields) {
        if (prev.name().equals(name)) {
          throw new InvalidPayloadException(RejectReason.BAD_NAME, at + 3, "field name '" + name + "' appears twice");
        }
      }
      fields.add(new StreamField(name, type, fieldFlags == 1));
    }
    StreamSchema schema = new StreamSchema(streamId, stream, fields);
    need(in, 2, "the sample count");
    int countAt = in.position();
    int count = in.getShort() & 0xFFFF;
    if (count == 0) {
      throw new InvalidPayloadException(RejectReason.BAD_HEADER, countAt, "sample count is 0; a batch holds at least one sample");
    }
    long expected = (long) count * schema.sampleBytes();
    if (in.remaining() < expected) {
      throw new InvalidPayloadException(RejectReason.TRUNCATED, payload.length, count + " samples of " + schema.sampleBytes()
          + " B need " + expected + " B but only " + in.remaining() + " B follow the header");
    }
    if (in.remaining() > expected) {
      throw new InvalidPayloadException(RejectReason.LENGTH_MISMATCH, in.position() + expected, (in.remaining() - expected)
          + " bytes follow the last of " + count + " samples");
    }
    TelemetryBatch batch = new TelemetryBatch(board, schema, count);
    batch.reset(seq);
    long[] values = new long[fieldCount];
    long previousTUs = Long.MIN_VALUE;
    for (int i = 0; i < count; i++) {
      int sampleAt = in.position();
      long t = in.getLong();
      if (t < previousTUs) {
        throw new InvalidPayloadException(RejectReason.TIME_NOT_MONOTONIC, sampleAt,
            "sample " + i + " has t_us " + t + " before the previous " + previousTUs);
      }
      previousTUs = t;
      for (int f = 0; f < fieldCount; f++) {
        FieldType type = schema.type(f);
        int valueAt = in.position();
        long raw;
        switch (type.sizeBytes()) {
          case 1:
            raw = in.get() & 0xFF;
            break;
          case 4:
            raw = type == FieldType.F32 ? in.getInt() & 0xFFFF_FFFFL : in.getInt();
            break;
          default:
            raw = in.getLong();
        }
        if (!schema.field(f).nonFiniteAllowed() && type.isNonFinite(raw)) {
          throw new InvalidPayloadException(RejectReason.NON_FINITE, valueAt, "sample " + i + " field '"
              + schema.field(f).name() + "' is " + type.toDouble(raw) + " but the field requires finite values");
        }
        values[f] = raw;
      }
      batch.add(t, values, 0);
    }
    return batch;
  }

  private static void need(ByteBuffer in, int bytes, String what) {
    if (in.remaining() < bytes) {
      throw new InvalidPayloadException(RejectReason.TRUNCATED, in.limit(), "payload ends inside " + what
          + " (needs " + bytes + " B, " + in.remaining() + " B left)");
    }
  }

  private static String getAscii(ByteBuffer in, String what) {
    need(in, 1, "the length of the " + what);
    int len = in.get() & 0xFF;
    need(in, len, "the " + what);
    char[] chars = new char[len];
    for (int i = 0; i < len; i++) {
      chars[i] = (char) (in.get() & 0xFF);
    }
    return new String(chars);
  }
}
