package io.ganglion.telemetry.broker;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.util.Properties;

/**
 * An in-process MQTT 3.1.1 broker (Moquette 0.17) on the loopback interface: what
 * {@code --broker embedded} starts so that nothing has to be installed for a local run.
 *
 * <p>Anonymous clients, no persistence, no WebSocket listener, and Moquette's own usage telemetry
 * (which would contact a remote collector) switched off. Retained last wills are stored as retained
 * messages ({@link RetainedWillInterceptor}), as MQTT requires and Moquette 0.17 alone does not. Port 0 picks a free port; {@link #url()}
 * gives the address clients use.
 */
public final class EmbeddedBroker implements AutoCloseable {

  /** The word that selects this broker in a {@code --broker} option. */
  public static final String EMBEDDED = "embedded";

  /** Largest MQTT message the broker accepts by default (Moquette's own default is 8 KiB). */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

  private final Server server;
  private final String host;
  private final int port;
  private boolean running;

  private EmbeddedBroker(Server server, String host, int port) {
    this.server = server;
    this.host = host;
    this.port = port;
    this.running = true;
  }

  /** Starts a broker on 127.0.0.1 at a free port. */
  public static EmbeddedBroker start() {
    return start(0);
  }

  /** Starts a broker on 127.0.0.1 at {@code port} (0: a free port). */
  public static EmbeddedBroker start(int port) {
    return start("127.0.0.1", port, DEFAULT_MAX_MESSAGE_BYTES);
  }

  /**
   * Starts a broker on {@code host} at {@code port} (0: a free port) accepting messages up to
   * {@code maxMessageBytes}.
   *
   * @throws InvalidInputException when the port is out of range
   * @throws GanglionException when the broker cannot bind (port in use)
   */
  public static EmbeddedBroker start(String host, int port, int maxMessageBytes) {
    if (port < 0 || port > 65_535) {
      throw new InvalidInputException("embedded broker port " + port + " is out of range; use 0 (any free port) to 65535");
    }
    if (maxMessageBytes < 1024) {
      throw new InvalidInputException("embedded broker max message size " + maxMessageBytes + " B is too small; use >= 1024");
    }
    // Moquette 0.17 binds asynchronously and its getPort() writes into an unsynchronized HashMap
    // that the bind thread also writes: polling it races (a ConcurrentModificationException or a
    // lost port). So the port is chosen here and readiness is probed over TCP instead.
    int boundPort = port == 0 ? freePort(host) : requireFree(host, port);
    Properties props = new Properties();
    props.setProperty("host", host);
    props.setProperty("port", Integer.toString(boundPort));
    props.setProperty("websocket_port", "disabled");
    props.setProperty("allow_anonymous", "true");
    props.setProperty("persistence_enabled", "false");
    props.setProperty("telemetry_enabled", "false");
    props.setProperty("netty.mqtt.message_size", Integer.toString(maxMessageBytes));
    props.setProperty("buffer_flush_millis", "0");
    props.setProperty("netty.tcp_nodelay", "true");
    Server server = new Server();
    RetainedWillInterceptor wills = new RetainedWillInterceptor();
    try {
      server.startServer(new MemoryConfig(props), java.util.List.of(wills));
      wills.attach(server);
    } catch (IOException | RuntimeException e) {
      server.stopServer();
      throw new GanglionException("cannot start the embedded MQTT broker on " + host + ":" + port
          + " (" + e.getMessage() + "); is the port in use? try another --broker-port or 0", e);
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!accepts(host, boundPort)) {
      if (System.nanoTime() - deadline > 0) {
        server.stopServer();
        throw new GanglionException("the embedded MQTT broker could not bind " + host + ":" + boundPort
            + "; is the port in use? choose another port or 0 for any free port");
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        server.stopServer();
        throw new GanglionException("interrupted while starting the embedded MQTT broker", e);
      }
    }
    return new EmbeddedBroker(server, host, boundPort);
  }

  /** A port that is free on {@code host} now (the kernel picks it). */
  private static int freePort(String host) {
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(host, 0));
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new GanglionException("cannot find a free port for the embedded MQTT broker on " + host + " (" + e.getMessage()
          + "); check that the address is local", e);
    }
  }

  /** Fails fast with a clear message when {@code host:port} is taken (Moquette only logs it); returns the port. */
  private static int requireFree(String host, int port) {
    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new java.net.InetSocketAddress(host, port));
      return port;
    } catch (IOException e) {
      throw new GanglionException("cannot start the embedded MQTT broker on " + host + ":" + port + ": the port is in use ("
          + e.getMessage() + "); choose another port or 0 for any free port", e);
    }
  }

  /** True when a TCP connection to {@code host:port} is accepted: the broker's listener is bound. */
  private static boolean accepts(String host, int port) {
    try (java.net.Socket s = new java.net.Socket()) {
      s.connect(new java.net.InetSocketAddress(host, port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The bound port. */
  public int port() {
    return port;
  }

  /** {@code tcp://HOST:PORT}: the URL clients connect to. */
  public String url() {
    return "tcp://" + host + ":" + port;
  }

  /** True until {@link #close()}. */
  public boolean isRunning() {
    return running;
  }

  /** Stops the broker and closes every client connection. Idempotent. */
  @Override
  public synchronized void close() {
    if (running) {
      running = false;
      server.stopServer();
    }
  }
}
