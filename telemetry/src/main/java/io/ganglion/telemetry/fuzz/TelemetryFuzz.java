package io.ganglion.telemetry.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganglion.telemetry.protocol.BinaryTelemetryCodec;
import io.ganglion.telemetry.protocol.FieldType;
import io.ganglion.telemetry.protocol.JsonTelemetryCodec;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.StrictJson;
import io.ganglion.telemetry.protocol.TelemetryBatch;
import io.ganglion.telemetry.protocol.Topics;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random telemetry batches (random schemas, sample counts and values, binary or JSON) and malformed
 * variants built so that the reason a strict decoder must give is known: each mutation breaks
 * exactly one rule of docs/telemetry.md.
 */
final class TelemetryFuzz {

  private static final FieldType[] TYPES = FieldType.values();

  private TelemetryFuzz() {}

  /** A random valid batch of board {@code board}. */
  static TelemetryBatch batch(SplittableRandom r, String board, boolean forceF64, boolean forceU8) {
    int fields = 1 + r.nextInt(6);
    StreamSchema.Builder b = StreamSchema.builder(r.nextInt(65_536), "s" + r.nextInt(12));
    for (int f = 0; f < fields; f++) {
      FieldType t = f == 0 && forceF64 ? FieldType.F64 : f == 0 && forceU8 ? FieldType.U8 : TYPES[r.nextInt(TYPES.length)];
      boolean nullable = t.isFloatingPoint() && !(f == 0 && forceF64) && r.nextBoolean();
      b.field("f" + f, t, nullable);
    }
    StreamSchema schema = b.build();
    int samples = 1 + r.nextInt(forceF64 ? 20 : 20);
    TelemetryBatch batch = new TelemetryBatch(board, schema, Math.max(2, samples));
    batch.reset(r.nextLong(1L << 40));
    long t = 1_000 + r.nextLong(1L << 40);
    long[] raw = new long[fields];
    for (int i = 0; i < Math.max(2, samples); i++) {
      for (int f = 0; f < fields; f++) {
        raw[f] = value(r, schema.type(f), schema.field(f).nonFiniteAllowed());
      }
      batch.add(t, raw, 0);
      t += r.nextInt(3) * 1_000L; // equal timestamps are allowed, decreasing ones are not
    }
    return batch;
  }

  private static long value(SplittableRandom r, FieldType t, boolean nullable) {
    switch (t) {
      case U8:
        return r.nextInt(256);
      case I32:
      case Q16:
        return r.nextInt();
      case I64:
        return r.nextLong();
      case F32:
        return nullable && r.nextInt(8) == 0 ? FieldType.F32.rawFromDouble(Double.NaN)
            : FieldType.F32.rawFromDouble((float) ((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(12) - 4)));
      case F64:
      default:
        return nullable && r.nextInt(8) == 0 ? Double.doubleToRawLongBits(Double.POSITIVE_INFINITY)
            : Double.doubleToRawLongBits((r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20));
    }
  }

  static String topic(TelemetryBatch b) {
    return Topics.telemetry(b.board(), b.schema().name());
  }

  /** A valid message in a random format. */
  static FuzzMessage valid(SplittableRandom r, String board) {
    TelemetryBatch b = batch(r, board, false, false);
    byte[] payload = r.nextBoolean() ? BinaryTelemetryCodec.INSTANCE.encode(b) : JsonTelemetryCodec.INSTANCE.encode(b);
    return new FuzzMessage(topic(b), payload, FuzzMessage.Target.TELEMETRY, null);
  }

  /** A malformed message (one rule broken) with the reason it must be rejected for. */
  static FuzzMessage malformed(SplittableRandom r, String board, String otherBoard) {
    int kind = r.nextInt(16);
    if (kind < 9) {
      return binary(r, kind, board, otherBoard);
    }
    return json(r, kind - 9, board);
  }

  private static FuzzMessage binary(SplittableRandom r, int kind, String board, String otherBoard) {
    TelemetryBatch b = batch(r, board, kind == 6, false);
    byte[] p = BinaryTelemetryCodec.INSTANCE.encode(b);
    String topic = topic(b);
    String reason;
    switch (kind) {
      case 0 -> { // wrong magic after a leading 'G'
        p[1 + r.nextInt(3)] ^= (byte) (1 + r.nextInt(255));
        reason = "bad_magic";
      }
      case 1 -> {
        p[4] = (byte) (2 + r.nextInt(254));
        reason = "unsupported_version";
      }
      case 2 -> {
        p[5] = (byte) (1 + r.nextInt(255));
        reason = "bad_header";
      }
      case 3 -> {
        p = Arrays.copyOf(p, 17 + b.board().length() + 2 + r.nextInt(p.length - 17 - b.board().length() - 2));
        reason = "truncated";
      }
      case 4 -> {
        p = Arrays.copyOf(p, p.length + 1 + r.nextInt(8));
        reason = "length_mismatch";
      }
      case 5 -> { // a valid batch on another board's topic
        topic = Topics.telemetry(otherBoard, b.schema().name());
        reason = "topic_mismatch";
      }
      case 6 -> { // NaN in the first sample's non-nullable f64 field 0
        int samplesStart = p.length - b.size() * b.schema().sampleBytes();
        ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN).putDouble(samplesStart + 8, Double.NaN);
        reason = "non_finite";
      }
      case 7 -> { // the second sample earlier than the first
        int samplesStart = p.length - b.size() * b.schema().sampleBytes();
        ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN).putLong(samplesStart + b.schema().sampleBytes(), b.tUs(0) - 1);
        reason = "time_not_monotonic";
      }
      default -> { // random bytes that start like neither format
        p = new byte[1 + r.nextInt(200)];
        r.nextBytes(p);
        while (p[0] == 'G' || p[0] == '{') {
          p[0] = (byte) r.nextInt(256);
        }
        reason = "bad_magic";
      }
    }
    return new FuzzMessage(topic, p, FuzzMessage.Target.TELEMETRY, reason);
  }

  private static FuzzMessage json(SplittableRandom r, int kind, String board) {
    TelemetryBatch b = batch(r, board, false, kind == 5);
    ObjectNode o = StrictJson.parseObject(JsonTelemetryCodec.INSTANCE.encode(b));
    String topic = topic(b);
    byte[] p;
    String reason;
    switch (kind) {
      case 0 -> {
        byte[] full = StrictJson.bytes(o);
        p = Arrays.copyOf(full, 1 + r.nextInt(full.length - 1));
        reason = "malformed_json";
      }
      case 1 -> {
        o.remove(new String[] {"seq", "stream_id", "version", "samples"}[r.nextInt(4)]);
        p = StrictJson.bytes(o);
        reason = "missing_field";
      }
      case 2 -> {
        o.put("extra_" + r.nextInt(100), 1);
        p = StrictJson.bytes(o);
        reason = "unexpected_field";
      }
      case 3 -> {
        o.put("seq", "seven");
        p = StrictJson.bytes(o);
        reason = "wrong_type";
      }
      case 4 -> {
        o.put("board", "bad board!");
        p = StrictJson.bytes(o);
        reason = "bad_name";
      }
      case 5 -> { // u8 field 0 out of its range
        ((ObjectNode) o.get("samples").get(0)).put("f0", 256 + r.nextInt(10_000));
        p = StrictJson.bytes(o);
        reason = "out_of_range";
      }
      default -> {
        p = ("{\"board\":\"" + board + "\",\"seq\":NaN}").getBytes(StandardCharsets.UTF_8);
        reason = "malformed_json";
      }
    }
    return new FuzzMessage(topic, p, FuzzMessage.Target.TELEMETRY, reason);
  }
}
