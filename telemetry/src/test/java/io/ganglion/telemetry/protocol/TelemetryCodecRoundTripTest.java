package io.ganglion.telemetry.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TelemetryCodecRoundTripTest {

  @Test
  void binaryRoundTripIsBitExactForEveryFieldType() {
    SplittableRandom rnd = new SplittableRandom(1);
    for (int k = 0; k < 300; k++) {
      TelemetryBatch b = TestBatches.random(rnd, "board-" + k, TestBatches.ALL_TYPES, 1 + rnd.nextInt(40), rnd.nextLong(0, Long.MAX_VALUE));
      byte[] bytes = BinaryTelemetryCodec.INSTANCE.encode(b);
      assertEquals(BinaryTelemetryCodec.encodedSize(b), bytes.length);
      assertEquals(b, BinaryTelemetryCodec.INSTANCE.decode(bytes));
    }
  }

  @Test
  void jsonRoundTripIsBitExactForFiniteValuesAndKeepsNanForNullableFields() {
    SplittableRandom rnd = new SplittableRandom(2);
    for (int k = 0; k < 300; k++) {
      TelemetryBatch b = TestBatches.random(rnd, "b" + k, TestBatches.ALL_TYPES, 1 + rnd.nextInt(40), k);
      byte[] json = JsonTelemetryCodec.INSTANCE.encode(b);
      TelemetryBatch back = JsonTelemetryCodec.INSTANCE.decode(json);
      // The random generator only produces the canonical NaN for non-finite values, so equality is bitwise.
      assertEquals(b, back, () -> new String(json, StandardCharsets.UTF_8));
    }
  }

  @Test
  void binaryAndJsonFormsAreEquivalent() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int k = 0; k < 100; k++) {
      TelemetryBatch b = TestBatches.random(rnd, "sim", TestBatches.ALL_TYPES, 1 + rnd.nextInt(20), k);
      byte[] binary = BinaryTelemetryCodec.INSTANCE.encode(b);
      byte[] viaJson = BinaryTelemetryCodec.INSTANCE.encode(
          JsonTelemetryCodec.INSTANCE.decode(JsonTelemetryCodec.INSTANCE.encode(BinaryTelemetryCodec.INSTANCE.decode(binary))));
      assertArrayEquals(binary, viaJson);
    }
  }

  @Test
  void jsonCarriesSiValuesThatAToolCanRead() {
    StreamSchema s = StreamSchema.builder(1, "joints").f64("angle_rad").q16("drive_q16").u8("mode").build();
    TelemetryBatch b = new TelemetryBatch("b1", s, 2);
    b.reset(42);
    b.addDoubles(1000, 0.5, -1.25, 3);
    b.addDoubles(2000, 0.75, 0.5, 4);
    String json = new String(JsonTelemetryCodec.INSTANCE.encode(b), StandardCharsets.UTF_8);
    assertEquals("{\"board\":\"b1\",\"stream\":\"joints\",\"stream_id\":1,\"seq\":42,\"version\":1,"
        + "\"fields\":{\"angle_rad\":\"f64\",\"drive_q16\":\"q16\",\"mode\":\"u8\"},"
        + "\"samples\":[{\"t_us\":1000,\"angle_rad\":0.5,\"drive_q16\":-1.25,\"mode\":3},"
        + "{\"t_us\":2000,\"angle_rad\":0.75,\"drive_q16\":0.5,\"mode\":4}]}", json);
  }

  @Test
  void documentedWorkedExampleHasTheDocumentedBytes() {
    TelemetryBatch b = WorkedExample.batch();
    byte[] bytes = BinaryTelemetryCodec.INSTANCE.encode(b);
    assertEquals(WorkedExample.HEX, hex(bytes));
    assertEquals(WorkedExample.JSON, new String(JsonTelemetryCodec.INSTANCE.encode(b), StandardCharsets.UTF_8));
  }

  @Test
  void encodeIntoABufferWritesTheSameBytesAtTheBufferPosition() {
    TelemetryBatch b = WorkedExample.batch();
    ByteBuffer buf = ByteBuffer.allocate(256);
    buf.position(10);
    int n = BinaryTelemetryCodec.INSTANCE.encode(b, buf);
    byte[] copy = new byte[n];
    buf.position(10);
    buf.get(copy);
    assertArrayEquals(BinaryTelemetryCodec.INSTANCE.encode(b), copy);
  }

  @Test
  void sniffTellsBinaryFromJson() {
    TelemetryBatch b = WorkedExample.batch();
    assertEquals(TelemetryFormat.BINARY, TelemetryFormat.sniff(BinaryTelemetryCodec.INSTANCE.encode(b)));
    assertEquals(TelemetryFormat.JSON, TelemetryFormat.sniff(JsonTelemetryCodec.INSTANCE.encode(b)));
    assertEquals(TelemetryFormat.JSON, TelemetryFormat.sniff(" \n{}".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(null, TelemetryFormat.sniff(new byte[] {1, 2}));
    assertTrue(TelemetryFormat.sniff(new byte[0]) == null);
  }

  static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(String.format("%02x", bytes[i] & 0xFF));
    }
    return sb.toString();
  }
}
