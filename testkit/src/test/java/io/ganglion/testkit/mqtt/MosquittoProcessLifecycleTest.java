package io.ganglion.testkit.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class MosquittoProcessLifecycleTest {

  @Test
  void startedBrokerAnswersConnectAndComesBackOnTheSamePortAfterKill() {
    assumeTrue(MosquittoProcess.isAvailable(), "mosquitto is not installed");
    try (MosquittoProcess broker = MosquittoProcess.start()) {
      int port = broker.port();
      assertTrue(MqttProbe.answersConnect("127.0.0.1", port, 1000), "broker should accept an MQTT CONNECT");
      assertEquals("tcp://127.0.0.1:" + port, broker.url());

      broker.kill();
      assertFalse(broker.isRunning());
      assertFalse(MqttProbe.answersConnect("127.0.0.1", port, 300), "a killed broker must not answer");

      broker.restart();
      assertTrue(broker.isRunning());
      assertEquals(port, broker.port());
      assertTrue(MqttProbe.answersConnect("127.0.0.1", port, 1000), "restarted broker should answer on the same port");
    }
  }

  @Test
  void probeRejectsATcpServerThatIsNotMqtt() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try (Socket s = server.accept()) {
          s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException ignored) {
          // the probe closed first
        }
      });
      acceptor.start();
      assertFalse(MqttProbe.answersConnect("127.0.0.1", server.getLocalPort(), 1000));
    }
  }

  @Test
  void connectPacketIsAValidMqtt311Connect() {
    byte[] p = MqttProbe.connectPacket("ab");
    assertEquals(0x10, p[0]);
    assertEquals(p.length - 2, p[1]);
    assertEquals('M', p[4]);
    assertEquals(4, p[8]);
    assertEquals(2, p[13]);
    assertEquals('a', p[14]);
  }
}
