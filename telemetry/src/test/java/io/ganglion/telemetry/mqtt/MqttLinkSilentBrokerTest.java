package io.ganglion.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server that accepts the TCP connection but never answers CONNECT (a hung broker, a proxy whose
 * upstream is gone): Paho 1.2.5 waits for the CONNACK forever and never completes the attempt, so
 * {@link MqttLink} must give the attempt up after the connect timeout and try again.
 */
class MqttLinkSilentBrokerTest {

  @Test
  void anAttemptTheServerNeverAnswersIsGivenUpAfterTheConnectTimeoutAndTriedAgain() throws Exception {
    List<Socket> accepted = new CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(server.accept()); // read nothing, answer nothing, keep it open
          }
        } catch (IOException closed) {
          // the test is over
        }
      }, "silent-broker");
      acceptor.setDaemon(true);
      acceptor.start();
      MqttSettings settings = new MqttSettings("tcp://127.0.0.1:" + server.getLocalPort(), "silent-broker-test", null, null,
          null, MqttSettings.DEFAULT_KEEP_ALIVE_SECONDS, 1);
      MqttLink link = new MqttLink(settings, new ReconnectBackoff(50, 200, 0, 1), null);
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (accepted.size() < 3 && System.nanoTime() - deadline < 0) {
          assertEquals(MqttLink.Change.NONE, link.poll(System.nanoTime()));
          Thread.sleep(10);
        }
        assertTrue(accepted.size() >= 3, "connection attempts: " + accepted.size() + " (stuck waiting for a CONNACK)");
        assertTrue(link.connectFailures() >= 2, "failed attempts: " + link.connectFailures());
        assertTrue(link.lastError().contains("CONNACK"), link.lastError());
        assertFalse(link.isConnected());
      } finally {
        link.close(200);
        for (Socket s : accepted) {
          s.close();
        }
      }
    }
  }

  /**
   * After attempts were given up (the client's socket closed mid-connect), the same client still
   * connects once the server answers: here the first two connections are held silent, the later
   * ones are relayed to a real broker.
   */
  @Test
  void aLinkWhoseAttemptsWereGivenUpConnectsOnceTheServerAnswers() throws Exception {
    List<Socket> sockets = new CopyOnWriteArrayList<>();
    try (io.ganglion.telemetry.testing.TestBroker broker = io.ganglion.telemetry.testing.TestBroker.start();
         ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int brokerPort = java.net.URI.create(broker.url()).getPort();
      Thread acceptor = new Thread(() -> {
        try {
          for (int n = 0; ; n++) {
            Socket client = server.accept();
            sockets.add(client);
            if (n < 2) {
              continue; // silent: read nothing, answer nothing
            }
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
            sockets.add(upstream);
            relay(client.getInputStream(), upstream.getOutputStream());
            relay(upstream.getInputStream(), client.getOutputStream());
          }
        } catch (IOException closed) {
          // the test is over
        }
      }, "silent-then-relay");
      acceptor.setDaemon(true);
      acceptor.start();
      MqttSettings settings = new MqttSettings("tcp://127.0.0.1:" + server.getLocalPort(), "silent-then-relay-test", null,
          null, null, MqttSettings.DEFAULT_KEEP_ALIVE_SECONDS, 1);
      MqttLink link = new MqttLink(settings, new ReconnectBackoff(50, 200, 0, 1), null);
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!link.isConnected() && System.nanoTime() - deadline < 0) {
          link.poll(System.nanoTime());
          Thread.sleep(10);
        }
        assertTrue(link.isConnected(), "connected after the given-up attempts; failures " + link.connectFailures()
            + ", last error: " + link.lastError());
        assertTrue(link.connectFailures() >= 2, "the two silent attempts were given up: " + link.connectFailures());
      } finally {
        link.close(200);
        for (Socket s : sockets) {
          s.close();
        }
      }
    }
  }

  private static void relay(java.io.InputStream in, java.io.OutputStream out) {
    Thread t = new Thread(() -> {
      try {
        in.transferTo(out);
      } catch (IOException closed) {
        // one side closed
      }
    }, "relay");
    t.setDaemon(true);
    t.start();
  }
}
