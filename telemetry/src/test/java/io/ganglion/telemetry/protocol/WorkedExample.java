package io.ganglion.telemetry.protocol;

/** The worked example of docs/telemetry.md; a test checks that the codecs give exactly these bytes. */
final class WorkedExample {

  static final StreamSchema SCHEMA = StreamSchema.builder(1, "joints")
      .f32("angle_rad").field("range_m", FieldType.F32, true).q16("drive_q16").u8("mode").build();

  /** The binary payload, byte by byte (docs/telemetry.md). */
  static final String HEX = "47 54 4c 4d 01 00 01 00 2a 00 00 00 00 00 00 00 "
      + "02 62 31 "
      + "06 6a 6f 69 6e 74 73 "
      + "04 "
      + "04 00 09 61 6e 67 6c 65 5f 72 61 64 "
      + "04 01 07 72 61 6e 67 65 5f 6d "
      + "06 00 09 64 72 69 76 65 5f 71 31 36 "
      + "01 00 04 6d 6f 64 65 "
      + "02 00 "
      + "e8 03 00 00 00 00 00 00 00 00 00 3f 00 00 c0 7f 00 00 ff ff 03 "
      + "d0 07 00 00 00 00 00 00 00 00 40 3f 00 00 a0 3f 00 80 00 00 04";

  static final String JSON = "{\"board\":\"b1\",\"stream\":\"joints\",\"stream_id\":1,\"seq\":42,\"version\":1,"
      + "\"fields\":{\"angle_rad\":\"f32\",\"range_m\":\"f32?\",\"drive_q16\":\"q16\",\"mode\":\"u8\"},"
      + "\"samples\":[{\"t_us\":1000,\"angle_rad\":0.5,\"range_m\":null,\"drive_q16\":-1.0,\"mode\":3},"
      + "{\"t_us\":2000,\"angle_rad\":0.75,\"range_m\":1.25,\"drive_q16\":0.5,\"mode\":4}]}";

  private WorkedExample() {}

  static TelemetryBatch batch() {
    TelemetryBatch b = new TelemetryBatch("b1", SCHEMA, 2);
    b.reset(42);
    b.addDoubles(1000, 0.5, Double.NaN, -1.0, 3);
    b.addDoubles(2000, 0.75, 1.25, 0.5, 4);
    return b;
  }
}
