package io.ganglion.firmware.testing;

import io.ganglion.telemetry.broker.EmbeddedBroker;
import io.ganglion.testkit.mqtt.MosquittoProcess;

/**
 * The broker of a firmware integration test: a real {@code mosquitto} on a free loopback port when
 * installed (CI installs it), else the embedded Moquette ({@code -Dganglion.test.broker=embedded}
 * forces it). Prints which one it uses.
 */
public final class TestBroker implements AutoCloseable {

  private final MosquittoProcess mosquitto;
  private final int port;
  private EmbeddedBroker embedded;

  private TestBroker(MosquittoProcess mosquitto, EmbeddedBroker embedded, int port) {
    this.mosquitto = mosquitto;
    this.embedded = embedded;
    this.port = port;
  }

  /** Starts mosquitto when available, else the embedded broker. */
  public static TestBroker start() {
    boolean forceEmbedded = "embedded".equals(System.getProperty("ganglion.test.broker"));
    if (!forceEmbedded && MosquittoProcess.isAvailable()) {
      MosquittoProcess p = MosquittoProcess.start();
      System.out.println("[test broker] using " + MosquittoProcess.version() + " at " + p.url());
      return new TestBroker(p, null, p.port());
    }
    EmbeddedBroker b = EmbeddedBroker.start();
    System.out.println("[test broker] " + (forceEmbedded ? "forced" : "mosquitto not installed") + "; embedded Moquette at " + b.url());
    return new TestBroker(null, b, b.port());
  }

  /** {@code tcp://127.0.0.1:PORT}. */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** True for a real mosquitto. */
  public boolean isMosquitto() {
    return mosquitto != null;
  }

  /** Abrupt stop (SIGKILL for mosquitto). */
  public void kill() {
    if (mosquitto != null) {
      mosquitto.kill();
    } else {
      embedded.close();
    }
  }

  /** Starts again on the same port. */
  public void restart() {
    if (mosquitto != null) {
      mosquitto.restart();
    } else {
      embedded = EmbeddedBroker.start(port);
    }
  }

  @Override
  public void close() {
    if (mosquitto != null) {
      mosquitto.close();
    } else {
      embedded.close();
    }
  }
}
