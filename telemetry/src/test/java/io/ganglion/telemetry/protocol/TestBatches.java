package io.ganglion.telemetry.protocol;

import java.util.SplittableRandom;

/** Seeded random batches covering every field type. */
final class TestBatches {

  static final StreamSchema ALL_TYPES = StreamSchema.builder(7, "all-types")
      .f64("angle_rad").field("range_m", FieldType.F64, true).f32("torque_nm").field("temp_k", FieldType.F32, true)
      .i32("ticks").i64("count").u8("mode").q16("drive_q16").build();

  private TestBatches() {}

  static TelemetryBatch random(SplittableRandom rnd, String board, StreamSchema schema, int samples, long seq) {
    TelemetryBatch b = new TelemetryBatch(board, schema, samples);
    b.reset(seq);
    long[] raw = new long[schema.fieldCount()];
    long t = rnd.nextLong(0, 1L << 50);
    for (int i = 0; i < samples; i++) {
      t += rnd.nextInt(0, 5_000);
      for (int f = 0; f < schema.fieldCount(); f++) {
        raw[f] = randomRaw(rnd, schema.field(f));
      }
      b.add(t, raw, 0);
    }
    return b;
  }

  static long randomRaw(SplittableRandom rnd, StreamField field) {
    switch (field.type()) {
      case F64: {
        if (field.nonFiniteAllowed() && rnd.nextInt(4) == 0) {
          return Double.doubleToRawLongBits(Double.NaN);
        }
        double d = rnd.nextBoolean() ? rnd.nextDouble(-10, 10) : Double.longBitsToDouble(rnd.nextLong());
        return Double.doubleToRawLongBits(Double.isFinite(d) ? d : 1.5);
      }
      case F32: {
        if (field.nonFiniteAllowed() && rnd.nextInt(4) == 0) {
          return Float.floatToRawIntBits(Float.NaN) & 0xFFFF_FFFFL;
        }
        float f = rnd.nextBoolean() ? (float) rnd.nextDouble(-10, 10) : Float.intBitsToFloat(rnd.nextInt());
        return Float.floatToRawIntBits(Float.isFinite(f) ? f : 2.5f) & 0xFFFF_FFFFL;
      }
      case I32:
      case Q16:
        return rnd.nextInt();
      case U8:
        return rnd.nextInt(256);
      default:
        return rnd.nextLong();
    }
  }
}
