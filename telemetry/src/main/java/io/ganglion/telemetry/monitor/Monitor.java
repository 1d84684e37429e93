package io.ganglion.telemetry.monitor;

import io.ganglion.telemetry.mqtt.MqttLink;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.mqtt.ReconnectBackoff;
import io.ganglion.telemetry.protocol.Topics;
import java.util.concurrent.TimeUnit;

/**
 * A monitoring client: subscribes (QoS 1) to {@code robots/+/#} or one board's {@code
 * robots/<board>/#}, feeds a {@link MonitorState}, reconnects with backoff. What {@code ganglion
 * monitor} runs behind its terminal and web views.
 */
public final class Monitor implements AutoCloseable {

  private final MqttLink link;
  private final MonitorState state;
  private final String filter;
  private final String broker;
  private final Thread thread;
  private volatile boolean stop;

  private Monitor(MqttSettings mqtt, String board, MonitorState state) {
    this.state = state;
    this.filter = Topics.boardFilter(board);
    this.broker = mqtt.serverUri();
    this.link = new MqttLink(mqtt, new ReconnectBackoff(100, 5_000, 0.2, mqtt.clientId().hashCode()), null);
    link.subscribe(filter, Topics.RELIABLE_QOS, state);
    this.thread = new Thread(this::run, "ganglion-monitor");
    this.thread.setDaemon(true);
  }

  /**
   * Connects in the background and starts monitoring.
   *
   * @param board one board id, or null for every board
   */
  public static Monitor start(MqttSettings mqtt, String board) {
    return start(mqtt, board, new MonitorState());
  }

  /** Like {@link #start(MqttSettings, String)} with a given state (e.g. with batch listeners). */
  public static Monitor start(MqttSettings mqtt, String board, MonitorState state) {
    Monitor m = new Monitor(mqtt, board, state);
    m.thread.start();
    return m;
  }

  private void run() {
    while (!stop) {
      link.poll(System.nanoTime());
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Waits until subscribed (the retained statuses then arrive at once). */
  public boolean awaitSubscribed(long timeout, TimeUnit unit) throws InterruptedException {
    return link.awaitReady(timeout, unit);
  }

  /** The state fed by this monitor. */
  public MonitorState state() {
    return state;
  }

  /** The subscription filter. */
  public String filter() {
    return filter;
  }

  /** True while connected. */
  public boolean isConnected() {
    return link.isConnected();
  }

  /** The last connection error ("" when none). */
  public String lastConnectionError() {
    return link.lastError();
  }

  /** A snapshot now. */
  public MonitorSnapshot snapshot() {
    return state.snapshot(broker, filter, link.isConnected());
  }

  /** Disconnects and stops. */
  @Override
  public void close() {
    stop = true;
    thread.interrupt();
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    link.close(1_000);
  }
}
