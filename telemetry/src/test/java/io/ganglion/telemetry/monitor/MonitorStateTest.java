package io.ganglion.telemetry.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.protocol.BinaryTelemetryCodec;
import io.ganglion.telemetry.protocol.EventPayload;
import io.ganglion.telemetry.protocol.JsonTelemetryCodec;
import io.ganglion.telemetry.protocol.StatusPayload;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.TelemetryBatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitorStateTest {

  static final StreamSchema JOINTS = StreamSchema.builder(1, "joints").f64("angle_rad").f32("torque_nm").build();

  static byte[] status(String board, StatusPayload.State state, String reason, Map<String, Long> counters) {
    return new StatusPayload(state, board, "0.1.0", "c0ffee", "ncap", "binary", List.of("joints"), reason, 1, 1234,
        counters).toJson();
  }

  static TelemetryBatch batch(String board, long seq, int samples, long t0Us) {
    TelemetryBatch b = new TelemetryBatch(board, JOINTS, samples);
    b.reset(seq);
    for (int i = 0; i < samples; i++) {
      b.addDoubles(t0Us + i * 1_000L, i * 0.5, -i);
    }
    return b;
  }

  @Test
  void retainedStatusesSayWhichBoardsAreOnlineAndCarryTheirDropCounters() {
    MonitorState s = new MonitorState();
    s.onMessage("robots/b1/status", status("b1", StatusPayload.State.ONLINE, null,
        Map.of("ring_overflow", 3L, "not_connected", 4L, "backpressure", 5L, "publish_failed", 6L, "events_dropped", 2L)), 1, true);
    s.onMessage("robots/b2/status", status("b2", StatusPayload.State.OFFLINE, "connection_lost", Map.of()), 1, true);
    MonitorSnapshot snap = s.snapshot("tcp://x:1", "robots/+/#", true);
    assertEquals(2, snap.boards().size());
    assertTrue(snap.board("b1").online());
    assertEquals(18, snap.board("b1").droppedSamples());
    assertEquals(2, snap.board("b1").droppedEvents());
    assertEquals("offline", snap.board("b2").state());
    assertEquals("connection_lost", snap.board("b2").reason());
    assertEquals(List.of("online", "offline"), snap.events().stream().map(MonitorSnapshot.EventEntry::kind).toList(),
        "the monitor notes state changes in the event log");
  }

  @Test
  void batchesOfBothFormatsGiveLatestValuesAndSequenceGaps() {
    MonitorState s = new MonitorState();
    s.onMessage("robots/b1/telemetry/joints", BinaryTelemetryCodec.INSTANCE.encode(batch("b1", 0, 10, 0)), 0, false);
    s.onMessage("robots/b1/telemetry/joints", JsonTelemetryCodec.INSTANCE.encode(batch("b1", 1, 10, 10_000)), 0, false);
    s.onMessage("robots/b1/telemetry/joints", BinaryTelemetryCodec.INSTANCE.encode(batch("b1", 5, 4, 20_000)), 0, false);
    MonitorSnapshot.StreamSnapshot st = s.snapshot("u", "f", true).board("b1").stream("joints");
    assertNotNull(st);
    assertEquals(3, st.messages());
    assertEquals(24, st.samples());
    assertEquals(3, st.gaps(), "seq 2, 3 and 4 are missing");
    assertEquals(5, st.lastSeq());
    assertEquals(23_000, st.lastTUs());
    assertEquals(1.5, st.latest().get("angle_rad"));
    assertEquals(-3.0, st.latest().get("torque_nm"));
    assertTrue(st.samplesPerS() > 0);
    assertEquals("unknown", s.snapshot("u", "f", true).board("b1").state(), "no status seen yet");
  }

  @Test
  void aLowerSequenceNumberIsARestartNotAGap() {
    MonitorState s = new MonitorState();
    s.onMessage("robots/b1/telemetry/joints", BinaryTelemetryCodec.INSTANCE.encode(batch("b1", 40, 1, 0)), 0, false);
    s.onMessage("robots/b1/telemetry/joints", BinaryTelemetryCodec.INSTANCE.encode(batch("b1", 0, 1, 0)), 0, false);
    assertEquals(0, s.snapshot("u", "f", true).board("b1").stream("joints").gaps());
  }

  @Test
  void everyMalformedMessageIsCountedByKindAndReasonAndNothingThrows() {
    MonitorState s = new MonitorState();
    byte[] good = BinaryTelemetryCodec.INSTANCE.encode(batch("b1", 0, 2, 0));
    s.onMessage("robots/b1/telemetry/joints", java.util.Arrays.copyOf("GTLX".getBytes(StandardCharsets.US_ASCII), 40), 0, false);
    s.onMessage("robots/b2/telemetry/joints", good, 0, false); // topic names another board
    s.onMessage("robots/b1/telemetry/joints", java.util.Arrays.copyOf(good, good.length - 1), 0, false);
    s.onMessage("robots/b1/status", "{\"state\":\"sleeping\"}".getBytes(StandardCharsets.UTF_8), 1, true);
    s.onMessage("robots/b1/status", status("b9", StatusPayload.State.ONLINE, null, Map.of()), 1, true);
    s.onMessage("robots/b1/events", "not json".getBytes(StandardCharsets.UTF_8), 1, false);
    s.onMessage("robots/b1/events", new EventPayload("b1", 0, 5, "fault", "x", 1).toJson(), 1, false);
    s.onMessage("robots/b1/nonsense", new byte[] {1}, 0, false);
    s.onMessage("robots/b1/cmd/arm", "whatever".getBytes(StandardCharsets.UTF_8), 1, false);
    MonitorSnapshot snap = s.snapshot("u", "f", true);
    assertEquals(Map.of("bad_magic", 1L, "topic_mismatch", 1L, "truncated", 1L), snap.rejected().get("telemetry"));
    assertEquals(Map.of("out_of_range", 1L, "topic_mismatch", 1L), snap.rejected().get("status"));
    assertEquals(Map.of("malformed_json", 1L), snap.rejected().get("events"));
    assertEquals(Map.of(MonitorState.UNKNOWN_TOPIC, 1L), snap.rejected().get("other"));
    assertEquals(7, snap.rejectedTotal());
    assertEquals(1, snap.decoded().get("events"));
    assertEquals(1, snap.board("b1").commandsSeen());
    assertEquals("fault", snap.events().get(snap.events().size() - 1).kind());
    assertFalse(snap.board("b1").online());
  }

  @Test
  void theEventListKeepsOnlyTheMostRecent() {
    MonitorState s = new MonitorState(5, 1 << 20);
    for (int i = 0; i < 12; i++) {
      s.onMessage("robots/b1/events", new EventPayload("b1", i, i, "fault", null, Double.NaN).toJson(), 1, false);
    }
    List<MonitorSnapshot.EventEntry> ev = s.snapshot("u", "f", true).events();
    assertEquals(5, ev.size());
    assertEquals(7, ev.get(0).seq());
    assertEquals(11, ev.get(4).seq());
  }
}
