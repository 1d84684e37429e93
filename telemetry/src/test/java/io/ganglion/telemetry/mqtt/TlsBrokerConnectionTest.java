package io.ganglion.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.Topics;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import io.ganglion.telemetry.testing.CollectingSubscriber;
import io.ganglion.testkit.mqtt.MosquittoProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssl:// with a PEM CA file against mosquitto's TLS listener (test CA and server key made by openssl). */
class TlsBrokerConnectionTest {

  private static final StreamSchema S = StreamSchema.builder(1, "s").f64("x_m").build();

  @TempDir
  Path dir;

  private void openssl(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl " + String.join(" ", args) + ": " + out);
  }

  @Test
  void aPublisherTrustingTheCaFileConnectsOverTlsAndUntrustedOrWrongHostCertificatesAreRefused() throws Exception {
    assumeTrue(MosquittoProcess.isAvailable(), "mosquitto is not installed");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=ganglion-test-ca");
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
    Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
        "-days", "2", "-extfile", "ext.cnf");
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "other.key", "-out", "other.csr", "-subj", "/CN=elsewhere.invalid");
    Files.writeString(dir.resolve("other.cnf"), "subjectAltName=DNS:elsewhere.invalid\n");
    openssl("x509", "-req", "-in", "other.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "other.pem",
        "-days", "2", "-extfile", "other.cnf");
    // mosquitto started as root drops to its own user: let it read the test key and certificates.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String f : new String[] {"ca.pem", "server.pem", "server.key", "other.pem", "other.key"}) {
      Files.setPosixFilePermissions(dir.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
    }
    int tlsPort = MosquittoProcess.freeLoopbackPort();
    int wrongHostPort = MosquittoProcess.freeLoopbackPort();
    try (MosquittoProcess broker = MosquittoProcess.start(List.of("listener " + tlsPort + " 127.0.0.1",
        "cafile " + dir.resolve("ca.pem"), "certfile " + dir.resolve("server.pem"), "keyfile " + dir.resolve("server.key"),
        "listener " + wrongHostPort + " 127.0.0.1",
        "cafile " + dir.resolve("ca.pem"), "certfile " + dir.resolve("other.pem"), "keyfile " + dir.resolve("other.key")));
         CollectingSubscriber plain = new CollectingSubscriber(broker.url(), "plain", Topics.boardFilter("tls-board"))) {
      String tlsUrl = "ssl://127.0.0.1:" + tlsPort;
      try (TelemetryPublisher trusted = new TelemetryPublisher(MqttSettings.of(tlsUrl, "tls-ok").withCaFile(dir.resolve("ca.pem")),
          new BoardIdentity("tls-board", "0.1.0", "abc", "ncap"), List.of(S), PublisherConfig.defaults())) {
        trusted.start();
        assertTrue(trusted.awaitConnected(15, TimeUnit.SECONDS), "TLS connect failed: " + trusted.lastConnectionError()
            + "\nmosquitto log:\n" + broker.logTail());
        trusted.offer(0, 1, 2.5);
        CollectingSubscriber.Received r = plain.awaitTopic(Topics.telemetry("tls-board", "s"), 5_000);
        assertNotNull(r, "telemetry sent over TLS reaches a plain-listener subscriber");
      }
      try (TelemetryPublisher untrusted = new TelemetryPublisher(MqttSettings.of(tlsUrl, "tls-no-ca"),
          new BoardIdentity("tls-board2", "0.1.0", "abc", "ncap"), List.of(S), PublisherConfig.defaults().withReconnect(50, 200))) {
        untrusted.start();
        assertFalse(untrusted.awaitConnected(1, TimeUnit.SECONDS), "the JVM's default trust store does not know the test CA");
        assertTrue(untrusted.counters().get("connect_failures") >= 1);
        assertEquals(0, untrusted.counters().get("connects"));
      }
      try (TelemetryPublisher wrongHost = new TelemetryPublisher(
          MqttSettings.of("ssl://127.0.0.1:" + wrongHostPort, "tls-wrong-host").withCaFile(dir.resolve("ca.pem")),
          new BoardIdentity("tls-board3", "0.1.0", "abc", "ncap"), List.of(S), PublisherConfig.defaults().withReconnect(50, 200))) {
        wrongHost.start();
        assertFalse(wrongHost.awaitConnected(1, TimeUnit.SECONDS),
            "a certificate from the trusted CA but for another host name must be refused (host name verification)");
        assertTrue(wrongHost.counters().get("connect_failures") >= 1);
      }
    }
  }
}
