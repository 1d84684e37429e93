package io.ganglion.telemetry.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTelemetryRejectionTest {

  private static RejectReason reasonOf(String json) {
    return assertThrows(InvalidPayloadException.class,
        () -> JsonTelemetryCodec.INSTANCE.decode(json.getBytes(StandardCharsets.UTF_8))).reason();
  }

  private static String example() {
    return WorkedExample.JSON;
  }

  @Test
  void theWorkedExampleDecodes() {
    TelemetryBatch b = JsonTelemetryCodec.INSTANCE.decode(example().getBytes(StandardCharsets.UTF_8));
    assertEquals(WorkedExample.batch(), b);
  }

  @Test
  void malformedJsonAndNonObjectsAreRejected() {
    assertEquals(RejectReason.MALFORMED_JSON, reasonOf("{\"board\":"));
    assertEquals(RejectReason.MALFORMED_JSON, reasonOf("[1,2]"));
    assertEquals(RejectReason.MALFORMED_JSON, reasonOf(example() + "{}"));
    assertEquals(RejectReason.MALFORMED_JSON, reasonOf(example().replace("\"seq\":42", "\"seq\":42,\"seq\":43")));
    assertEquals(RejectReason.MALFORMED_JSON, reasonOf(""));
  }

  @Test
  void missingAndExtraMembersAreRejected() {
    assertEquals(RejectReason.MISSING_FIELD, reasonOf(example().replace("\"seq\":42,", "")));
    assertEquals(RejectReason.UNEXPECTED_FIELD, reasonOf(example().replace("\"seq\":42,", "\"seq\":42,\"extra\":1,")));
    assertEquals(RejectReason.MISSING_FIELD, reasonOf(example().replace("\"mode\":3", "\"modus\":3")
        .replace("\"t_us\":1000,", "\"t_us\":1000,")));
    assertEquals(RejectReason.UNEXPECTED_FIELD, reasonOf(example().replace("\"mode\":3}", "\"mode\":3,\"x\":1}")));
  }

  @Test
  void wrongTypesAndVersionsAreRejected() {
    assertEquals(RejectReason.UNSUPPORTED_VERSION, reasonOf(example().replace("\"version\":1", "\"version\":2")));
    assertEquals(RejectReason.WRONG_TYPE, reasonOf(example().replace("\"seq\":42", "\"seq\":\"42\"")));
    assertEquals(RejectReason.WRONG_TYPE, reasonOf(example().replace("\"mode\":3", "\"mode\":3.5")));
    assertEquals(RejectReason.WRONG_TYPE, reasonOf(example().replace("\"angle_rad\":0.5", "\"angle_rad\":\"0.5\"")));
    assertEquals(RejectReason.UNKNOWN_TYPE, reasonOf(example().replace("\"mode\":\"u8\"", "\"mode\":\"u16\"")));
    assertEquals(RejectReason.UNKNOWN_TYPE, reasonOf(example().replace("\"mode\":\"u8\"", "\"mode\":\"u8?\"")));
    assertEquals(RejectReason.BAD_NAME, reasonOf(example().replace("\"board\":\"b1\"", "\"board\":\"b/1\"")));
  }

  @Test
  void valuesOutsideTheirTypeAreRejected() {
    assertEquals(RejectReason.OUT_OF_RANGE, reasonOf(example().replace("\"mode\":3", "\"mode\":256")));
    assertEquals(RejectReason.OUT_OF_RANGE, reasonOf(example().replace("\"mode\":3", "\"mode\":-1")));
    assertEquals(RejectReason.OUT_OF_RANGE, reasonOf(example().replace("\"drive_q16\":-1.0", "\"drive_q16\":0.1")));
    assertEquals(RejectReason.OUT_OF_RANGE, reasonOf(example().replace("\"drive_q16\":-1.0", "\"drive_q16\":40000")));
    assertEquals(RejectReason.OUT_OF_RANGE, reasonOf(example().replace("\"angle_rad\":0.5", "\"angle_rad\":1e39")));
    assertEquals(RejectReason.OUT_OF_RANGE, reasonOf(example().replace("\"seq\":42", "\"seq\":-1")));
    assertEquals(RejectReason.OUT_OF_RANGE, reasonOf(example().replace("\"seq\":42", "\"seq\":99999999999999999999")));
  }

  @Test
  void nullIsNanOnlyWhereTheTypeAllowsIt() {
    assertEquals(RejectReason.NON_FINITE, reasonOf(example().replace("\"angle_rad\":0.5", "\"angle_rad\":null")));
    assertEquals(RejectReason.MALFORMED_JSON, reasonOf(example().replace("\"range_m\":null", "\"range_m\":NaN")));
    TelemetryBatch b = JsonTelemetryCodec.INSTANCE.decode(example().getBytes(StandardCharsets.UTF_8));
    assertTrue(Double.isNaN(b.value(0, "range_m")));
  }

  @Test
  void timestampsGoingBackwardsAndEmptyBatchesAreRejected() {
    assertEquals(RejectReason.TIME_NOT_MONOTONIC, reasonOf(example().replace("\"t_us\":2000", "\"t_us\":10")));
    String empty = example().substring(0, example().indexOf("\"samples\":[")) + "\"samples\":[]}";
    assertEquals(RejectReason.LENGTH_MISMATCH, reasonOf(empty));
  }
}
