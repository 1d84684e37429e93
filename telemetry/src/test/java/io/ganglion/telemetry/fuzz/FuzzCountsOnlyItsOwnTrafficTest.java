package io.ganglion.telemetry.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/**
 * A fuzz run on a broker shared with other boards (their retained status, their live traffic, a
 * retained command left on the fuzz board's topic) counts exactly what it sent, as on an empty one.
 */
class FuzzCountsOnlyItsOwnTrafficTest {

  private static final byte[] STATUS = ("{\"state\":\"online\",\"board\":\"swimmer6\",\"firmware\":\"1\",\"schema\":1}")
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void retainedMessagesAndOtherBoardsTrafficAreNotCounted() throws Exception {
    try (TestBroker broker = TestBroker.start()) {
      MqttClient other = new MqttClient(broker.url(), "other-boards", new MemoryPersistence());
      MqttConnectOptions o = new MqttConnectOptions();
      o.setCleanSession(true);
      other.connect(o);
      other.publish("robots/swimmer6/status", STATUS, 1, true);
      other.publish("robots/swimmer6/telemetry/joints", new byte[] {1, 2, 3}, 1, true);
      other.publish("robots/diffdrive1/unknown", new byte[] {9}, 1, true);
      if (broker.flagsStoredRetainedMessages()) {
        // on the fuzzer's own topics only the retain flag tells them apart (Moquette 0.17 does not set it)
        other.publish("robots/fz-2/status", STATUS, 1, true);
        other.publish("robots/" + FuzzRun.BOARD + "/cmd/arm", "not a command".getBytes(StandardCharsets.UTF_8), 1, true);
      }
      AtomicLong live = new AtomicLong();
      Thread chatter = new Thread(() -> {
        try {
          while (!Thread.currentThread().isInterrupted()) {
            other.publish("robots/swimmer6/telemetry/joints", new byte[] {(byte) live.get()}, 0, false);
            other.publish("robots/swimmer6/bogus", new byte[] {1}, 0, false);
            live.incrementAndGet();
            Thread.sleep(5);
          }
        } catch (InterruptedException e) {
          // done
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, "other-boards-chatter");
      chatter.start();
      FuzzReport r;
      try {
        r = FuzzRun.overBroker(MqttSettings.of(broker.url(), "fuzz-shared"), new FuzzRun.Options(1_500, 21, 0.3, 60));
      } finally {
        chatter.interrupt();
        chatter.join(2_000);
        other.disconnect();
        other.close();
      }
      assertTrue(live.get() > 10, "the other board talked during the run: " + live.get());
      MalformedPayloadsOverBrokerTest.check(r, 1_500);
    }
  }

  @Test
  void fuzzTopicsAreTheFuzzBoardsAndTheBoardsCommandsOnly() {
    assertTrue(PayloadFuzzer.isFuzzTopic("robots/fz-0/status", "fuzz-board"));
    assertTrue(PayloadFuzzer.isFuzzTopic("robots/fz-15/telemetry/joints", "fuzz-board"));
    assertTrue(PayloadFuzzer.isFuzzTopic("robots/fz-3", "fuzz-board"));
    assertTrue(PayloadFuzzer.isFuzzTopic("robots/bad!id/status", "fuzz-board"));
    assertTrue(PayloadFuzzer.isFuzzTopic("robots/fuzz-board/cmd/arm", "fuzz-board"));
    assertFalse(PayloadFuzzer.isFuzzTopic("robots/fz-16/status", "fuzz-board"));
    assertFalse(PayloadFuzzer.isFuzzTopic("robots/fz-01/status", "fuzz-board"));
    assertFalse(PayloadFuzzer.isFuzzTopic("robots/fuzz-board/status", "fuzz-board"));
    assertFalse(PayloadFuzzer.isFuzzTopic("robots/swimmer6/status", "fuzz-board"));
    assertFalse(PayloadFuzzer.isFuzzTopic("robots/swimmer6/cmd/arm", "fuzz-board"));
    assertFalse(PayloadFuzzer.isFuzzTopic("other/fz-1/status", "fuzz-board"));
  }
}
