package io.ganglion.firmware.cli.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.testing.TestBroker;
import org.junit.jupiter.api.Test;

class TelemetryFuzzCommandTest {

  @Test
  void aFuzzRunReportsMatchingCountersPerKind() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      CliRun r = CliRun.of("telemetry", "fuzz", "--broker", broker.url(), "--messages", "2000", "--seed", "5", "--json");
      assertEquals(0, r.code, r.out + r.err);
      JsonNode j = new ObjectMapper().readTree(r.out);
      assertTrue(j.get("passed").asBoolean());
      assertEquals(2000, j.get("messages").asLong());
      long rejected = 0;
      long malformed = 0;
      for (String kind : new String[] {"status", "telemetry", "events", "cmd", "other"}) {
        JsonNode t = j.get("targets").get(kind);
        assertEquals(t.get("malformed").asLong(), t.get("rejected").asLong(), kind);
        rejected += t.get("rejected").asLong();
        malformed += t.get("malformed").asLong();
      }
      assertEquals(malformed, rejected);
      assertTrue(malformed > 1000);
    }
  }

  @Test
  void aBadValidFractionIsAUsageError() {
    CliRun r = CliRun.of("telemetry", "fuzz", "--broker", "tcp://127.0.0.1:1", "--valid-fraction", "2");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("--valid-fraction must be within 0..1"), r.err);
  }
}
