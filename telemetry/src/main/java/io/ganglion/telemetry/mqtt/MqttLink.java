package io.ganglion.telemetry.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One MQTT connection (Paho {@link MqttAsyncClient}, in-memory persistence) driven by its owner's
 * thread: {@link #poll} starts connection attempts without blocking, with {@link ReconnectBackoff}
 * after failures and losses, and re-subscribes every registered filter after each connect. The
 * client's callbacks only set flags and hand received messages to the {@link MessageHandler}s;
 * every client call ({@code connect}, {@code subscribe}, {@code publish}) is made by the owner's
 * thread.
 *
 * <p>Paho's own automatic reconnect is off: this class owns reconnection so that the owner learns
 * of every new connection (to publish its birth message) and the backoff has a configurable cap.
 */
public final class MqttLink implements AutoCloseable {

  /** What {@link #poll} observed. */
  public enum Change {
    /** Nothing new. */
    NONE,
    /** A connection was just established (subscriptions renewed): publish the birth message now. */
    CONNECTED,
    /** The connection was just lost. */
    LOST
  }

  private static final int IDLE = 0;
  private static final int CONNECTING = 1;
  private static final int SUCCEEDED = 2;
  private static final int FAILED = 3;

  private final MqttSettings settings;
  private final ReconnectBackoff backoff;
  private final Supplier<LastWill> will;
  private final MqttAsyncClient client;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicInteger connectState = new AtomicInteger(IDLE);
  private final AtomicBoolean lost = new AtomicBoolean();
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong losses = new AtomicLong();
  private final AtomicLong connectFailures = new AtomicLong();
  private final AtomicLong callbackErrors = new AtomicLong();
  private final AtomicInteger unacknowledgedSubscriptions = new AtomicInteger();
  /** Number of the current connection attempt: completions of an abandoned attempt are ignored. */
  private final AtomicInteger attempt = new AtomicInteger();
  private final long connectTimeoutNanos;
  private long attemptStartedNanos;
  private volatile boolean connected;
  private volatile String lastError = "";
  private long nextAttemptNanos;

  private record Subscription(String filter, int qos, MessageHandler handler) {}

  /**
   * @param settings where and how to connect
   * @param backoff reconnect delays
   * @param will supplies the last will at each connect (null: none)
   */
  public MqttLink(MqttSettings settings, ReconnectBackoff backoff, Supplier<LastWill> will) {
    this.settings = settings;
    this.backoff = backoff;
    this.will = will;
    this.connectTimeoutNanos = TimeUnit.SECONDS.toNanos(settings.connectTimeoutSeconds());
    try {
      this.client = new MqttAsyncClient(settings.serverUri(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new io.ganglion.drivers.InvalidInputException("cannot create an MQTT client for " + settings.serverUri()
          + ": " + e.getMessage(), e);
    }
    client.setCallback(new Callback());
  }

  /** Registers a subscription, (re)made on every connect. Call before the first {@link #poll}. */
  public void subscribe(String filter, int qos, MessageHandler handler) {
    subscriptions.add(new Subscription(filter, qos, handler));
  }

  /**
   * Advances the connection state; never blocks on the network. Call regularly from the owner's
   * thread.
   */
  public Change poll(long nowNanos) {
    int state = connectState.get();
    if (state == SUCCEEDED) {
      connectState.set(IDLE);
      lost.set(false);
      connected = true;
      connects.incrementAndGet();
      backoff.reset();
      subscribeAll();
      return Change.CONNECTED;
    }
    if (state == FAILED) {
      connectState.set(IDLE);
      connectFailures.incrementAndGet();
      nextAttemptNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(backoff.nextDelayMillis());
      return Change.NONE;
    }
    if (connected && (lost.getAndSet(false) || !client.isConnected())) {
      connected = false;
      losses.incrementAndGet();
      nextAttemptNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(backoff.nextDelayMillis());
      return Change.LOST;
    }
    if (state == CONNECTING && nowNanos - attemptStartedNanos - connectTimeoutNanos > 0) {
      abandonAttempt(nowNanos);
      return Change.NONE;
    }
    if (!connected && state == IDLE && nowNanos - nextAttemptNanos >= 0) {
      startConnect(nowNanos);
    }
    return Change.NONE;
  }

  /**
   * Gives up an attempt that lasted longer than the connect timeout. Paho 1.2.5 applies that
   * timeout to the TCP connect only and then waits for the CONNACK forever (a server that accepts
   * the connection but never answers: a hung broker, a proxy without its upstream), which would
   * leave the link connecting for good, never retrying.
   */
  private void abandonAttempt(long nowNanos) {
    attempt.incrementAndGet(); // a late completion of this attempt is ignored
    lastError = "no CONNACK from " + settings.serverUri() + " within the connect timeout of "
        + settings.connectTimeoutSeconds() + " s";
    connectState.set(IDLE);
    connectFailures.incrementAndGet();
    nextAttemptNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(backoff.nextDelayMillis());
    try {
      client.disconnectForcibly(0, 0, false); // closes the socket; the next attempt starts afresh
    } catch (MqttException | RuntimeException e) {
      // nothing to close; the next attempt reports what is wrong
    }
  }

  private void startConnect(long nowNanos) {
    MqttConnectOptions options = settings.connectOptions();
    LastWill w = will == null ? null : will.get();
    if (w != null) {
      options.setWill(w.topic(), w.payload(), w.qos(), w.retained());
    }
    int id = attempt.incrementAndGet();
    attemptStartedNanos = nowNanos;
    connectState.set(CONNECTING);
    try {
      client.connect(options, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          if (attempt.get() == id) {
            connectState.compareAndSet(CONNECTING, SUCCEEDED);
          }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable e) {
          if (attempt.get() == id) {
            lastError = String.valueOf(e);
            connectState.compareAndSet(CONNECTING, FAILED);
          }
        }
      });
    } catch (MqttException | RuntimeException e) {
      lastError = String.valueOf(e);
      connectState.set(IDLE);
      connectFailures.incrementAndGet();
      nextAttemptNanos = nowNanos + TimeUnit.MILLISECONDS.toNanos(backoff.nextDelayMillis());
    }
  }

  private void subscribeAll() {
    unacknowledgedSubscriptions.set(subscriptions.size());
    IMqttActionListener acked = new IMqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        unacknowledgedSubscriptions.decrementAndGet();
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        lastError = "subscribe refused: " + e;
      }
    };
    for (Subscription s : subscriptions) {
      try {
        client.subscribe(s.filter(), s.qos(), null, acked);
      } catch (MqttException e) {
        lastError = "subscribe " + s.filter() + ": " + e;
        lost.set(true);
      }
    }
  }

  /** True when connected and the broker acknowledged every subscription of this connection. */
  public boolean isReady() {
    return connected && unacknowledgedSubscriptions.get() == 0;
  }

  /**
   * Waits until {@link #isReady} (checked every 5 ms) while another thread polls this link; false
   * after the timeout. For tools and tests, never for a loop.
   */
  public boolean awaitReady(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (!isReady()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /** True while connected (as last seen by {@link #poll}). */
  public boolean isConnected() {
    return connected;
  }

  /**
   * Publishes; the listener (may be null) learns when the message was written (QoS 0) or
   * acknowledged (QoS 1).
   *
   * @throws MqttException when not connected or the client refuses (too many in flight)
   */
  public IMqttDeliveryToken publish(String topic, byte[] payload, int qos, boolean retained, Object context,
      IMqttActionListener listener) throws MqttException {
    return client.publish(topic, payload, qos, retained, context, listener);
  }

  /** Connections established so far. */
  public long connects() {
    return connects.get();
  }

  /** Connections lost (not counting clean closes). */
  public long losses() {
    return losses.get();
  }

  /** Failed connection attempts. */
  public long connectFailures() {
    return connectFailures.get();
  }

  /** Exceptions thrown by message handlers (caught). */
  public long callbackErrors() {
    return callbackErrors.get();
  }

  /** The last connection error, for diagnostics ("" when none). */
  public String lastError() {
    return lastError;
  }

  /** The settings. */
  public MqttSettings settings() {
    return settings;
  }

  /**
   * Disconnects cleanly (the last will is NOT published: publish the offline status first) and
   * releases the client. Waits at most about {@code timeoutMillis}.
   */
  public void close(long timeoutMillis) {
    connected = false;
    try {
      if (client.isConnected()) {
        client.disconnect(timeoutMillis / 2).waitForCompletion(timeoutMillis);
      }
    } catch (MqttException | RuntimeException e) {
      try {
        client.disconnectForcibly(0, 100);
      } catch (MqttException ignored) {
        // already gone
      }
    }
    try {
      client.close(true);
    } catch (MqttException | RuntimeException ignored) {
      // closing a client that never connected can complain; nothing is left to release
    }
  }

  @Override
  public void close() {
    close(2_000);
  }

  private final class Callback implements MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {
      lastError = String.valueOf(cause);
      lost.set(true);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      for (Subscription s : subscriptions) {
        if (matches(s.filter(), topic)) {
          try {
            s.handler().onMessage(topic, message.getPayload(), message.getQos(), message.isRetained());
          } catch (RuntimeException e) {
            callbackErrors.incrementAndGet();
          }
        }
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // completion is reported to each publish's own listener
    }
  }

  /** MQTT topic-filter matching ({@code +} one level, {@code #} the rest). */
  public static boolean matches(String filter, String topic) {
    String[] f = filter.split("/", -1);
    String[] t = topic.split("/", -1);
    for (int i = 0; i < f.length; i++) {
      if (f[i].equals("#")) {
        return true;
      }
      if (i >= t.length) {
        return false;
      }
      if (!f[i].equals("+") && !f[i].equals(t[i])) {
        return false;
      }
    }
    return f.length == t.length;
  }
}
