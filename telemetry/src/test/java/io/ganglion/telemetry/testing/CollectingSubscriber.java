package io.ganglion.telemetry.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A separate Paho client that subscribes and queues every message it receives (test side). */
public final class CollectingSubscriber implements AutoCloseable {

  /** A received message and its receive time. */
  public record Received(String topic, byte[] payload, int qos, boolean retained, long receivedNanos) {}

  private final MqttClient client;
  private final LinkedBlockingQueue<Received> queue = new LinkedBlockingQueue<>();

  /**
   * Connects (clean session) and subscribes to {@code filters} at QoS 1. A connection the broker
   * drops during this handshake is retried twice, as any real client would: Moquette 0.17 (the
   * embedded broker) very rarely leaves a CONNECT or SUBSCRIBE unanswered until its idle timer closes
   * the socket; each retry is printed on stderr ({@code [test client] ...}) so it stays visible.
   * Every blocking call waits at most 10 s.
   */
  public CollectingSubscriber(String url, String clientId, String... filters) throws MqttException {
    client = new MqttClient(url, clientId, new MemoryPersistence());
    client.setTimeToWait(10_000);
    MqttConnectOptions o = new MqttConnectOptions();
    o.setCleanSession(true);
    o.setAutomaticReconnect(false);
    o.setMaxInflight(1000);
    o.setConnectionTimeout(5);
    for (int attempt = 1; ; attempt++) {
      try {
        if (!client.isConnected()) {
          client.connect(o);
        }
        for (String f : filters) {
          client.subscribe(f, 1, (topic, m) -> queue.add(
              new Received(topic, m.getPayload(), m.getQos(), m.isRetained(), System.nanoTime())));
        }
        return;
      } catch (MqttException e) {
        boolean dropped = e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST
            || e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT;
        if (!dropped || attempt == 3) {
          throw e;
        }
        System.err.println("[test client] " + clientId + " at " + url + ": " + e.getMessage() + " (attempt " + attempt
            + "), retrying");
        if (client.isConnected()) {
          client.disconnectForcibly(0, 500);
        }
      }
    }
  }

  /** The next message matching {@code p} within {@code millis} (others are discarded), or null. */
  public Received await(Predicate<Received> p, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      Received r = queue.poll(left, TimeUnit.NANOSECONDS);
      if (r != null && p.test(r)) {
        return r;
      }
    }
  }

  /** The next message on {@code topic}, or null. */
  public Received awaitTopic(String topic, long millis) throws InterruptedException {
    return await(r -> r.topic().equals(topic), millis);
  }

  /** Every message received so far (removed from the queue). */
  public List<Received> drain() {
    List<Received> out = new ArrayList<>();
    queue.drainTo(out);
    return out;
  }

  /** The raw queue. */
  public LinkedBlockingQueue<Received> queue() {
    return queue;
  }

  /** The underlying client (to publish). */
  public MqttClient client() {
    return client;
  }

  @Override
  public void close() {
    try {
      if (client.isConnected()) {
        client.disconnect(500);
      }
      client.close(true);
    } catch (MqttException e) {
      // test teardown
    }
  }
}
