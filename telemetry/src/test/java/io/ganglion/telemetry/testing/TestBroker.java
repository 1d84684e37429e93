package io.ganglion.telemetry.testing;

import io.ganglion.telemetry.broker.EmbeddedBroker;
import io.ganglion.testkit.mqtt.MosquittoProcess;

/**
 * The broker of an integration test: a real {@code mosquitto} process on a free loopback port when
 * the binary exists (CI installs it), else the embedded Moquette. Prints which one it uses.
 */
public interface TestBroker extends AutoCloseable {

  /** {@code tcp://127.0.0.1:PORT}. */
  String url();

  /** "mosquitto 2.0.11" or "embedded moquette". */
  String name();

  /** Abrupt stop (SIGKILL for mosquitto). */
  void kill();

  /** Starts again on the same port. */
  void restart();

  @Override
  void close();

  /** True when stored retained messages arrive with the retain flag (mosquitto; Moquette 0.17 does not set it). */
  default boolean flagsStoredRetainedMessages() {
    return !name().startsWith("embedded");
  }

  /**
   * Starts the preferred broker: mosquitto when installed, else the embedded Moquette. The system
   * property {@code ganglion.test.broker=embedded} forces the embedded one (to test the fallback).
   */
  static TestBroker start() {
    boolean forceEmbedded = "embedded".equals(System.getProperty("ganglion.test.broker"));
    if (!forceEmbedded && MosquittoProcess.isAvailable()) {
      MosquittoProcess p = MosquittoProcess.start();
      String version = MosquittoProcess.version();
      System.out.println("[test broker] using " + version + " (" + MosquittoProcess.findBinary().orElseThrow() + ") at " + p.url());
      return new TestBroker() {
        @Override
        public String url() {
          return p.url();
        }

        @Override
        public String name() {
          return version;
        }

        @Override
        public void kill() {
          p.kill();
        }

        @Override
        public void restart() {
          p.restart();
        }

        @Override
        public void close() {
          p.close();
        }
      };
    }
    EmbeddedBroker first = EmbeddedBroker.start();
    System.out.println("[test broker] " + (forceEmbedded ? "ganglion.test.broker=embedded" : "mosquitto not installed")
        + "; using the embedded Moquette at " + first.url());
    int port = first.port();
    return new TestBroker() {
      private EmbeddedBroker broker = first;

      @Override
      public String url() {
        return "tcp://127.0.0.1:" + port;
      }

      @Override
      public String name() {
        return "embedded moquette";
      }

      @Override
      public void kill() {
        broker.close();
      }

      @Override
      public void restart() {
        broker = EmbeddedBroker.start(port);
      }

      @Override
      public void close() {
        broker.close();
      }
    };
  }
}
