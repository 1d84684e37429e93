package io.ganglion.telemetry.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.testing.CollectingSubscriber;
import io.ganglion.testkit.mqtt.MqttProbe;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

  @Test
  void startsOnAFreeLoopbackPortRelaysRetainedMessagesAndStops() throws Exception {
    int port;
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      port = broker.port();
      assertTrue(port > 0);
      assertEquals("tcp://127.0.0.1:" + port, broker.url());
      assertTrue(MqttProbe.answersConnect("127.0.0.1", port, 1_000));
      try (CollectingSubscriber pub = new CollectingSubscriber(broker.url(), "pub")) {
        pub.client().publish("robots/e1/status", "{\"state\":\"online\"}".getBytes(), 1, true);
      }
      try (CollectingSubscriber sub = new CollectingSubscriber(broker.url(), "sub", "robots/+/status")) {
        CollectingSubscriber.Received r = sub.awaitTopic("robots/e1/status", 5_000);
        assertNotNull(r);
        // Moquette 0.17 delivers stored retained messages without the retain flag (mosquitto sets it).
        assertArrayEquals("{\"state\":\"online\"}".getBytes(), r.payload());
      }
      // Larger than Moquette's 8 KiB default limit: the embedded broker accepts 1 MiB.
      try (CollectingSubscriber sub = new CollectingSubscriber(broker.url(), "big-sub", "big");
           CollectingSubscriber pub = new CollectingSubscriber(broker.url(), "big-pub")) {
        pub.client().publish("big", new byte[100_000], 0, false);
        assertEquals(100_000, sub.awaitTopic("big", 5_000).payload().length);
      }
      assertThrows(GanglionException.class, () -> EmbeddedBroker.start(port), "the port is taken");
    }
    assertFalse(MqttProbe.answersConnect("127.0.0.1", port, 300), "stopped");
  }

  @Test
  void aRetainedLastWillIsStoredWhenAClientVanishes() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start()) {
      org.eclipse.paho.client.mqttv3.MqttAsyncClient board = new org.eclipse.paho.client.mqttv3.MqttAsyncClient(broker.url(), "board",
          new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
      org.eclipse.paho.client.mqttv3.MqttConnectOptions o = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
      o.setWill("robots/w1/status", "offline".getBytes(), 1, true);
      board.connect(o).waitForCompletion(5_000);
      board.publish("robots/w1/status", "online".getBytes(), 1, true).waitForCompletion(5_000);
      board.disconnectForcibly(0, 100, false); // close the socket without DISCONNECT
      board.close(true);
      byte[] last = null;
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!java.util.Arrays.equals(last, "offline".getBytes()) && System.nanoTime() < deadline) {
        try (CollectingSubscriber later = new CollectingSubscriber(broker.url(), "later", "robots/w1/status")) {
          CollectingSubscriber.Received r = later.awaitTopic("robots/w1/status", 1_000);
          last = r == null ? null : r.payload();
        }
      }
      assertArrayEquals("offline".getBytes(), last, "a client arriving after the board vanished sees the will");
    }
  }

  @Test
  void rejectsImpossiblePorts() {
    assertThrows(InvalidInputException.class, () -> EmbeddedBroker.start(70_000));
  }
}
