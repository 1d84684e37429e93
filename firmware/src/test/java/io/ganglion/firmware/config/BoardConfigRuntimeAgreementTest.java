package io.ganglion.firmware.config;

import static io.ganglion.firmware.config.ConfigText.VALID;
import static io.ganglion.firmware.config.ConfigText.single;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.Names;
import org.junit.jupiter.api.Test;

/**
 * What {@code ganglion config check} accepts, the runtime accepts too: a value that passes the check
 * but makes {@code ganglion run} fail later (when it connects or publishes) is a check that lied.
 */
class BoardConfigRuntimeAgreementTest {

  @Test
  void brokerUrlsTheMqttClientRefusesAreRefusedByTheCheck() {
    String[] refused = {"ws://h:8080", "wss://h:8443", "TCP://h:1883", "tcp://h:1883/mqtt", "tcp://h:1883?qos=1"};
    for (String url : refused) {
      single(VALID + "telemetry: { broker_url: \"" + url + "\" }\n", "telemetry.broker_url", url);
    }
    for (String url : new String[] {"tcp://h:1883", "ssl://h:8883", "tcp://h", "tcp://10.0.0.7:1883"}) {
      BoardConfig c = ConfigText.parse(VALID + "telemetry: { broker_url: \"" + url + "\" }\n");
      assertEquals(url, c.telemetry().brokerUrl().toString());
      assertDoesNotThrow(() -> MqttSettings.of(c.telemetry().brokerUrl().toString(), "c"), url);
    }
  }

  @Test
  void boardIdsTheTopicsRefuseAreRefusedByTheCheck() {
    for (String id : new String[] {"_b1", "-b1", "_"}) {
      single(VALID.replace("board: test1", "board: \"" + id + "\""), "board", id, "starting with a letter or digit");
    }
    for (String id : new String[] {"b", "7", "b_1-x", "B".repeat(64)}) {
      BoardConfig c = ConfigText.parse(VALID.replace("board: test1", "board: \"" + id + "\""));
      assertEquals(id, c.boardId());
      assertDoesNotThrow(() -> Names.requireBoardId(c.boardId()), id);
    }
  }
}
