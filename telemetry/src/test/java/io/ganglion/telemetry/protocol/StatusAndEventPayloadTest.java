package io.ganglion.telemetry.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusAndEventPayloadTest {

  @Test
  void statusRoundTripsWithCountersInOrder() {
    Map<String, Long> counters = new LinkedHashMap<>();
    counters.put("ring_overflow", 3L);
    counters.put("not_connected", 0L);
    StatusPayload s = new StatusPayload(StatusPayload.State.ONLINE, "b1", "0.1.0", "abc123", "ncap", "binary",
        List.of("joints"), null, 1_700_000_000_000L, 55, counters);
    String json = new String(s.toJson(), StandardCharsets.UTF_8);
    assertTrue(json.startsWith("{\"state\":\"online\",\"board\":\"b1\",\"firmware_version\":\"0.1.0\""), json);
    StatusPayload back = StatusPayload.parse(s.toJson());
    assertEquals(s, back);
    assertEquals(List.of("ring_overflow", "not_connected"), List.copyOf(back.counters().keySet()));
  }

  @Test
  void statusNeedsStateAndIdentity() {
    byte[] bad = "{\"state\":\"sleepy\",\"board\":\"b1\",\"firmware_version\":\"1\",\"config_hash\":\"h\",\"law\":\"ncap\"}"
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(RejectReason.OUT_OF_RANGE, assertThrows(InvalidPayloadException.class, () -> StatusPayload.parse(bad)).reason());
    byte[] missing = "{\"state\":\"offline\",\"board\":\"b1\",\"config_hash\":\"h\",\"law\":\"ncap\"}".getBytes(StandardCharsets.UTF_8);
    assertEquals(RejectReason.MISSING_FIELD, assertThrows(InvalidPayloadException.class, () -> StatusPayload.parse(missing)).reason());
    byte[] minimal = "{\"state\":\"offline\",\"board\":\"b1\",\"firmware_version\":\"1\",\"config_hash\":\"h\",\"law\":\"ncap\",\"new_thing\":1}"
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(StatusPayload.State.OFFLINE, StatusPayload.parse(minimal).state());
  }

  @Test
  void eventRoundTripsAndOmitsAbsentValue() {
    EventPayload e = new EventPayload("b1", 7, 123_456, "failsafe", "link_lost", Double.NaN);
    String json = new String(e.toJson(), StandardCharsets.UTF_8);
    assertEquals("{\"board\":\"b1\",\"seq\":7,\"t_us\":123456,\"kind\":\"failsafe\",\"detail\":\"link_lost\"}", json);
    EventPayload back = EventPayload.parse(e.toJson());
    assertEquals(e.kind(), back.kind());
    assertTrue(Double.isNaN(back.value()));
    EventPayload withValue = new EventPayload("b1", 8, 1, "fault", null, 0.25);
    assertEquals(withValue, EventPayload.parse(withValue.toJson()));
  }

  @Test
  void topicsAreBuiltAndParsed() {
    assertEquals("robots/b1/telemetry/joints", Topics.telemetry("b1", "joints"));
    assertEquals("robots/b1/cmd/+", Topics.commandFilter("b1"));
    assertEquals("robots/+/#", Topics.boardFilter(null));
    assertEquals(new Topics.TopicParts("b1", Topics.TopicKind.COMMAND, "arm"), Topics.parse("robots/b1/cmd/arm"));
    assertEquals(new Topics.TopicParts("b1", Topics.TopicKind.STATUS, null), Topics.parse("robots/b1/status"));
    assertEquals(null, Topics.parse("robots/b1/telemetry"));
    assertEquals(null, Topics.parse("robots/b1/telemetry/x/y"));
    assertEquals(null, Topics.parse("other/b1/status"));
    assertThrows(io.ganglion.drivers.InvalidInputException.class, () -> Topics.status("b/1"));
    assertThrows(io.ganglion.drivers.InvalidInputException.class, () -> Topics.status("+"));
  }

  @Test
  void fieldTypesConvertAndSaturate() {
    assertEquals(255, FieldType.U8.rawFromDouble(300));
    assertEquals(0, FieldType.U8.rawFromDouble(-3));
    assertEquals(Integer.MAX_VALUE, FieldType.I32.rawFromDouble(1e12));
    assertEquals(0, FieldType.I32.rawFromDouble(Double.NaN));
    assertEquals(-65536, FieldType.Q16.rawFromDouble(-1.0));
    assertEquals(-1.0, FieldType.Q16.toDouble(-65536));
    assertEquals(0.1f, (float) FieldType.F32.toDouble(FieldType.F32.rawFromDouble(0.1)));
    assertTrue(FieldType.F64.isNonFinite(FieldType.F64.rawFromDouble(Double.NEGATIVE_INFINITY)));
    assertEquals(FieldType.Q16, FieldType.ofCode(6));
    assertEquals(null, FieldType.ofCode(0));
  }
}
