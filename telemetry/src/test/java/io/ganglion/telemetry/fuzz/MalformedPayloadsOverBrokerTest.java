package io.ganglion.telemetry.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.testing.TestBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Random and malformed payloads on every topic the board and the monitor subscribe to, through a
 * real broker: nothing crashes, and the rejection counters equal the malformed messages sent,
 * reason by reason (issue 5, item 8).
 */
class MalformedPayloadsOverBrokerTest {

  static FuzzReport run(long messages, long seed) throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      FuzzReport r = FuzzRun.overBroker(MqttSettings.of(broker.url(), "fuzz-" + seed), new FuzzRun.Options(messages, seed, 0.3, 60));
      System.out.println("[fuzz] " + broker.name() + ": " + r.toJsonMap());
      return r;
    }
  }

  static void check(FuzzReport r, long messages) {
    assertEquals(messages, r.messages());
    assertTrue(r.complete(), "every message arrived: " + r.toJsonMap());
    assertEquals(0, r.callbackErrors());
    assertEquals(0, r.internalErrors());
    for (FuzzReport.TargetStats t : r.targets()) {
      assertEquals(t.sent(), t.received(), t.kind() + " received");
      assertEquals(t.valid(), t.decoded(), t.kind() + " decoded");
      assertEquals(t.malformed(), t.rejected(), t.kind() + " rejected");
      assertEquals(t.expectedRejects(), t.rejects(), t.kind() + " rejections by reason");
    }
    assertTrue(r.passed());
  }

  @Test
  void fiveThousandMessagesAreAllDecodedOrRejectedForTheirReason() throws Exception {
    check(run(5_000, 11), 5_000);
  }

  @Test
  @Tag("slow")
  void oneHundredThousandMessagesAreAllDecodedOrRejectedForTheirReason() throws Exception {
    check(run(100_000, 12), 100_000);
  }
}
