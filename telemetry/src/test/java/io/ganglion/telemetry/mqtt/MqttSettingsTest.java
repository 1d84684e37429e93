package io.ganglion.telemetry.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttSettingsTest {

  @TempDir
  Path dir;

  @Test
  void acceptsTcpAndSslUrlsAndRejectsOthersWithAHint() {
    MqttSettings.of("tcp://127.0.0.1:1883", "c");
    MqttSettings.of("ssl://broker.example:8883", "c");
    MqttSettings.of("tcp://localhost", "c");
    for (String bad : new String[] {"http://x:1", "127.0.0.1:1883", "tcp://:1883", "tcp://h:0", "tcp://h:70000", "tcp://h:1/path", "", "embedded"}) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> MqttSettings.of(bad, "c"), bad);
      assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
  }

  @Test
  void credentialsComeFromTheEnvironmentWhenTheConfigHasNone() {
    Map<String, String> env = Map.of(MqttSettings.ENV_USERNAME, "robot", MqttSettings.ENV_PASSWORD, "s3cret");
    MqttSettings s = MqttSettings.resolve("tcp://h:1883", "c", null, null, null, env);
    assertEquals("robot", s.username());
    assertEquals("s3cret", s.password());
    assertEquals("robot", new String(s.connectOptions().getUserName()));
    assertEquals("s3cret", new String(s.connectOptions().getPassword()));
    MqttSettings explicit = MqttSettings.resolve("tcp://h:1883", "c", "me", "pw", null, env);
    assertEquals("me", explicit.username());
    assertNull(MqttSettings.resolve("tcp://h:1883", "c", null, null, null, Map.of()).username());
    assertFalse(s.toString().contains("s3cret"), "the password is never printed");
    assertThrows(InvalidInputException.class, () -> MqttSettings.of("tcp://h:1", "c").withCredentials(null, "pw"));
  }

  @Test
  void aCaFileNeedsAnSslUrlAndAReadableFile() throws Exception {
    Path missing = dir.resolve("none.pem");
    assertThrows(InvalidInputException.class, () -> MqttSettings.of("ssl://h:8883", "c").withCaFile(missing));
    Path pem = dir.resolve("ca.pem");
    Files.writeString(pem, "not a certificate");
    assertThrows(InvalidInputException.class, () -> MqttSettings.of("tcp://h:1883", "c").withCaFile(pem));
  }

  @Test
  void aCaFileThatIsNotPemIsRejectedWhenTheSettingsAreMadeNotAtConnect() throws Exception {
    Path notPem = dir.resolve("ca.pem");
    Files.write(notPem, new byte[] {0x30, (byte) 0x82, 0x01, 0x0a, 0x02, 0x01, 0x00, '\n', 'x'});
    MqttSettings ssl = MqttSettings.of("ssl://h:8883", "c");
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> ssl.withCaFile(notPem));
    assertTrue(e.getMessage().contains("BEGIN CERTIFICATE") && e.getMessage().contains(notPem.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    Path empty = dir.resolve("empty.pem");
    Files.writeString(empty, "no certificate here\n");
    InvalidInputException e2 = assertThrows(InvalidInputException.class,
        () -> MqttSettings.resolve("ssl://h:8883", "c", null, null, null, Map.of(MqttSettings.ENV_CA_FILE, empty.toString())));
    assertFalse(e2.getMessage().contains("\n"), "one line: " + e2.getMessage());
  }

  @Test
  void copiesKeepTheSettingsAndCompareByValue() {
    MqttSettings a = MqttSettings.of("tcp://h:1883", "c");
    MqttSettings b = MqttSettings.of("tcp://h:1883", "c");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    MqttSettings c = a.withClientId("d").withKeepAliveSeconds(7).withCredentials("u", "p");
    assertEquals("tcp://h:1883", c.serverUri());
    assertEquals("d", c.clientId());
    assertEquals(7, c.keepAliveSeconds());
    assertEquals(MqttSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS, c.connectTimeoutSeconds());
    assertEquals("u", c.username());
    assertFalse(a.equals(c));
    assertTrue(c.connectOptions().getSocketFactory() == a.connectOptions().getSocketFactory(), "the factory is built once");
  }

  @Test
  void connectOptionsUseCleanSessionsAndLeaveReconnectToTheCaller() {
    var o = MqttSettings.of("tcp://h:1883", "c").withKeepAliveSeconds(3).connectOptions();
    assertTrue(o.isCleanSession());
    assertFalse(o.isAutomaticReconnect());
    assertEquals(3, o.getKeepAliveInterval());
  }

  @Test
  void backoffDoublesUpToTheCapWithBoundedJitterAndResets() {
    ReconnectBackoff b = new ReconnectBackoff(100, 1_000, 0.2, 42);
    long[] expectedBase = {100, 200, 400, 800, 1_000, 1_000, 1_000};
    for (long base : expectedBase) {
      long d = b.nextDelayMillis();
      assertTrue(d <= base && d >= base * 0.8 - 1, d + " not within 20% below " + base);
    }
    assertEquals(7, b.attempts());
    b.reset();
    assertTrue(b.nextDelayMillis() <= 100);
    ReconnectBackoff noJitter = new ReconnectBackoff(1, Long.MAX_VALUE / 2, 0, 1);
    for (int i = 0; i < 100; i++) {
      assertTrue(noJitter.nextDelayMillis() > 0, "no overflow after many attempts");
    }
  }

  @Test
  void topicFiltersMatchLikeMqtt() {
    assertTrue(MqttLink.matches("robots/+/#", "robots/b1/telemetry/joints"));
    assertTrue(MqttLink.matches("robots/b1/cmd/+", "robots/b1/cmd/arm"));
    assertFalse(MqttLink.matches("robots/b1/cmd/+", "robots/b1/cmd/arm/x"));
    assertFalse(MqttLink.matches("robots/b1/cmd/+", "robots/b2/cmd/arm"));
    assertTrue(MqttLink.matches("robots/b1/#", "robots/b1"));
    assertFalse(MqttLink.matches("robots/b1/status", "robots/b1"));
  }
}
