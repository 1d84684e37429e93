package io.ganglion.firmware.cli.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.testing.TestBroker;
import org.junit.jupiter.api.Test;

class HilBenchCommandTest {

  @Test
  void theBenchReportsStepsPerSecondAndRoundTrips() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      CliRun r = CliRun.of("hil", "bench", "--broker", broker.url(), "--steps", "500", "--warmup", "50", "--json");
      assertEquals(0, r.code, r.err);
      JsonNode j = new ObjectMapper().readTree(r.out);
      assertEquals(500, j.get("steps").asLong());
      assertTrue(j.get("steps_per_s").asDouble() > 0);
      assertTrue(j.get("rtt_p50_us").asDouble() <= j.get("rtt_p99_us").asDouble());
    }
  }

  @Test
  void badValueCountsAreUsageErrors() {
    CliRun r = CliRun.of("hil", "bench", "--broker", "tcp://127.0.0.1:1", "--values", "5000");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("--values must be within 0..1024"), r.err);
  }

  @Test
  void stepsPlusWarmupBeyondTheLongRangeAreAUsageError() {
    // the loop ran seq < warmup + steps: the sum wrapped negative, no exchange ran, and the report
    // printed 9223372036854775807 exchanges at 0 steps/s
    CliRun r = CliRun.of("hil", "bench", "--broker", "tcp://127.0.0.1:1", "--steps", String.valueOf(Long.MAX_VALUE),
        "--warmup", "1");
    assertEquals(2, r.code, r.err);
    assertTrue(r.err.contains("--steps"), r.err);
  }
}
