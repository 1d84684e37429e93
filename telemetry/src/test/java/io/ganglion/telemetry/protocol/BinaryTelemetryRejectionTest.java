package io.ganglion.telemetry.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryTelemetryRejectionTest {

  private static final BinaryTelemetryCodec CODEC = BinaryTelemetryCodec.INSTANCE;

  private static byte[] valid() {
    return CODEC.encode(WorkedExample.batch());
  }

  private static RejectReason reasonOf(byte[] payload) {
    return assertThrows(InvalidPayloadException.class, () -> CODEC.decode(payload)).reason();
  }

  @Test
  void badMagicIsRejected() {
    byte[] p = valid();
    p[0] = 'X';
    assertEquals(RejectReason.BAD_MAGIC, reasonOf(p));
  }

  @Test
  void unknownFormatVersionIsRejectedWithItsOffset() {
    byte[] p = valid();
    p[4] = 2;
    InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> CODEC.decode(p));
    assertEquals(RejectReason.UNSUPPORTED_VERSION, e.reason());
    assertEquals(4, e.offset());
    assertTrue(e.getMessage().contains("version 2"), e.getMessage());
  }

  @Test
  void reservedFlagsAreRejected() {
    byte[] p = valid();
    p[5] = 0x10;
    assertEquals(RejectReason.BAD_HEADER, reasonOf(p));
  }

  @Test
  void everyTruncationIsRejectedAsTruncated() {
    byte[] p = valid();
    for (int len = 0; len < p.length; len++) {
      assertEquals(RejectReason.TRUNCATED, reasonOf(Arrays.copyOf(p, len)), "prefix of " + len + " bytes");
    }
  }

  @Test
  void trailingBytesAreALengthMismatch() {
    byte[] p = Arrays.copyOf(valid(), valid().length + 3);
    assertEquals(RejectReason.LENGTH_MISMATCH, reasonOf(p));
  }

  @Test
  void sampleCountLargerThanThePayloadIsTruncatedAndZeroIsRejected() {
    byte[] p = valid();
    int countAt = p.length - 2 * WorkedExample.SCHEMA.sampleBytes() - 2;
    p[countAt] = 3;
    assertEquals(RejectReason.TRUNCATED, reasonOf(p));
    p[countAt] = 0;
    assertEquals(RejectReason.BAD_HEADER, reasonOf(p));
  }

  @Test
  void nanInAFiniteFieldIsRejectedButAllowedInANullableOne() {
    byte[] p = valid();
    // The nullable range_m of sample 0 already holds NaN and decodes fine.
    assertTrue(Double.isNaN(CODEC.decode(p).value(0, "range_m")));
    int angleOfSample0 = p.length - 2 * WorkedExample.SCHEMA.sampleBytes() + 8;
    ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN).putFloat(angleOfSample0, Float.NaN);
    InvalidPayloadException e = assertThrows(InvalidPayloadException.class, () -> CODEC.decode(p));
    assertEquals(RejectReason.NON_FINITE, e.reason());
    assertEquals(angleOfSample0, e.offset());
    ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN).putFloat(angleOfSample0, Float.POSITIVE_INFINITY);
    assertEquals(RejectReason.NON_FINITE, reasonOf(p));
  }

  @Test
  void timestampsGoingBackwardsAreRejected() {
    byte[] p = valid();
    int t1 = p.length - WorkedExample.SCHEMA.sampleBytes();
    ByteBuffer.wrap(p).order(ByteOrder.LITTLE_ENDIAN).putLong(t1, 999);
    assertEquals(RejectReason.TIME_NOT_MONOTONIC, reasonOf(p));
  }

  @Test
  void unknownTypeCodesAndBadNamesAreRejected() {
    byte[] p = valid();
    int firstDescriptor = 16 + 3 + 7 + 1;
    p[firstDescriptor] = 9;
    assertEquals(RejectReason.UNKNOWN_TYPE, reasonOf(p));
    p = valid();
    p[firstDescriptor + 3] = 'A'; // "Angle_rad": upper case is not a field name
    assertEquals(RejectReason.BAD_NAME, reasonOf(p));
    p = valid();
    p[17] = '/'; // board id "/1"
    assertEquals(RejectReason.BAD_NAME, reasonOf(p));
    p = valid();
    p[firstDescriptor + 1] = 1; // non-finite flag on... angle_rad is f32, so allowed; use the q16 field
    assertFalse(CODEC.decode(p).schema().equals(WorkedExample.SCHEMA));
    p = valid();
    int q16Descriptor = firstDescriptor + 12 + 10;
    p[q16Descriptor + 1] = 1; // non-finite flag on a q16 field
    assertEquals(RejectReason.BAD_HEADER, reasonOf(p));
  }

  @Test
  void randomCorruptionNeverEscapesAsAnythingButARejectionAndIsCounted() {
    SplittableRandom rnd = new SplittableRandom(11);
    RejectCounters counters = new RejectCounters();
    byte[] valid = CODEC.encode(TestBatches.random(rnd, "b1", TestBatches.ALL_TYPES, 20, 5));
    int rejected = 0;
    for (int k = 0; k < 20_000; k++) {
      byte[] p = valid.clone();
      int flips = 1 + rnd.nextInt(4);
      for (int i = 0; i < flips; i++) {
        p[rnd.nextInt(p.length)] ^= (byte) (1 << rnd.nextInt(8));
      }
      if (rnd.nextInt(5) == 0) {
        p = Arrays.copyOf(p, rnd.nextInt(p.length + 8));
      }
      DecodeResult<TelemetryBatch> r = CODEC.tryDecode(p, counters);
      if (!r.isOk()) {
        rejected++;
        assertFalse(r.reason() == RejectReason.INTERNAL_ERROR, r.message());
      }
    }
    assertEquals(rejected, counters.total());
    assertTrue(rejected > 1_000, "most corruptions of headers and lengths must be caught, got " + rejected);
  }

  @Test
  void receiverChecksTopicAndExpectedSchema() {
    TelemetryReceiver receiver = new TelemetryReceiver(4096).expect(WorkedExample.SCHEMA);
    byte[] p = valid();
    assertTrue(receiver.decode("robots/b1/telemetry/joints", p).isOk());
    assertEquals(RejectReason.TOPIC_MISMATCH, receiver.decode("robots/b2/telemetry/joints", p).reason());
    assertEquals(RejectReason.TOPIC_MISMATCH, receiver.decode("robots/b1/status", p).reason());
    assertEquals(RejectReason.TOO_LARGE, receiver.decode("robots/b1/telemetry/joints", new byte[5000]).reason());
    StreamSchema other = StreamSchema.builder(1, "joints").f64("angle_rad").build();
    TelemetryBatch b = new TelemetryBatch("b1", other, 1);
    b.addDoubles(1, 1.0);
    assertEquals(RejectReason.SCHEMA_MISMATCH, receiver.decode("robots/b1/telemetry/joints", CODEC.encode(b)).reason());
    assertEquals(1, receiver.counters().count(RejectReason.SCHEMA_MISMATCH));
    assertEquals(2, receiver.counters().count(RejectReason.TOPIC_MISMATCH));
  }
}
