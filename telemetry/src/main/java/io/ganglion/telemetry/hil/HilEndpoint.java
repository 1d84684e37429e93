package io.ganglion.telemetry.hil;

import io.ganglion.drivers.GanglionException;
import io.ganglion.telemetry.mqtt.MqttLink;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.mqtt.ReconnectBackoff;
import io.ganglion.telemetry.protocol.RejectCounters;
import io.ganglion.telemetry.protocol.RejectReason;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * One side of a HIL session: an MQTT connection (owned and polled by the thread that uses the
 * endpoint), a subscription whose frames land in a one-frame mailbox (the latest wins) and wake the
 * waiting thread, and a reusable send buffer. Malformed frames are counted, never thrown.
 */
abstract class HilEndpoint implements AutoCloseable {

  private final MqttLink link;
  private final String outTopic;
  private final HilFrame mailbox;
  /** Where a received frame is decoded and checked before it may replace the mailbox (callback thread only). */
  private final HilFrame arriving;
  private final RejectCounters rejects = new RejectCounters();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong sendFailures = new AtomicLong();
  private volatile Thread waiter;
  /** The latest publish, waited for (written to the socket) before the connection closes. */
  private volatile IMqttDeliveryToken lastSent;
  private boolean fresh;
  protected final byte[] sendBuffer;

  HilEndpoint(MqttSettings mqtt, String inTopic, String outTopic, int maxValues) {
    this.outTopic = outTopic;
    this.mailbox = new HilFrame(maxValues);
    this.arriving = new HilFrame(maxValues);
    this.sendBuffer = new byte[HilFrame.sizeBytes(maxValues)];
    this.link = new MqttLink(mqtt, new ReconnectBackoff(50, 1_000, 0.2, mqtt.clientId().hashCode()), null);
    link.subscribe(inTopic, HilTopics.QOS, this::onMessage);
  }

  private void onMessage(String topic, byte[] payload, int qos, boolean retained) {
    received.incrementAndGet();
    // Decode and check first: a refused frame (e.g. a well-formed frame of a kind this side never
    // receives) must not overwrite the frame still waiting in the mailbox.
    synchronized (arriving) {
      RejectReason r = arriving.decode(payload);
      if (r != null) {
        rejects.increment(r);
        return;
      }
      if (!accepts(arriving.kind())) {
        rejects.increment(RejectReason.BAD_HEADER);
        return;
      }
      synchronized (mailbox) {
        mailbox.copyFrom(arriving);
        fresh = true;
      }
    }
    Thread w = waiter;
    if (w != null) {
      LockSupport.unpark(w);
    }
  }

  /** Which kinds this side receives. */
  abstract boolean accepts(HilFrame.Kind kind);

  /** Connects; waits until subscribed. */
  void connect(long timeoutMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (!link.isReady()) {
      link.poll(System.nanoTime());
      if (System.nanoTime() - deadline > 0) {
        String error = link.lastError();
        link.close(200);
        throw new GanglionException("HIL: cannot reach the broker " + link.settings().serverUri() + " within "
            + timeoutMillis + " ms (" + error + ")");
      }
      LockSupport.parkNanos(1_000_000);
    }
  }

  /**
   * Waits until a frame is in the mailbox (copied to {@code dest}) or {@code deadlineNanos} passes.
   * Polls the connection meanwhile (reconnects after a broker restart).
   */
  boolean take(HilFrame dest, long deadlineNanos) {
    waiter = Thread.currentThread();
    try {
      while (true) {
        synchronized (mailbox) {
          if (fresh) {
            fresh = false;
            dest.copyFrom(mailbox);
            return true;
          }
        }
        long now = System.nanoTime();
        link.poll(now);
        long left = deadlineNanos - now;
        if (left <= 0) {
          return false;
        }
        LockSupport.parkNanos(Math.min(left, 1_000_000));
      }
    } finally {
      waiter = null;
    }
  }

  /** Publishes a frame already encoded in {@link #sendBuffer}; counts a failure (not connected, queue full) instead of throwing. */
  boolean send(int length) {
    byte[] payload = java.util.Arrays.copyOf(sendBuffer, length); // Paho keeps the array until it is written
    try {
      lastSent = link.publish(outTopic, payload, HilTopics.QOS, false, null, null);
      return true;
    } catch (MqttException e) {
      sendFailures.incrementAndGet();
      return false;
    }
  }

  /** Lets the connection reconnect when it was lost (the owning thread polls it). */
  void pollLink() {
    link.poll(System.nanoTime());
  }

  /** True while connected. */
  public boolean isConnected() {
    return link.isConnected();
  }

  /** Malformed or unexpected frames received. */
  public RejectCounters rejects() {
    return rejects;
  }

  /** Frames received (valid or not). */
  public long received() {
    return received.get();
  }

  /** Publishes that failed (not connected or too many in flight). */
  public long sendFailures() {
    return sendFailures.get();
  }

  /** Connections lost so far. */
  public long connectionLosses() {
    return link.losses();
  }

  /** The last connection error. */
  public String lastConnectionError() {
    return link.lastError();
  }

  /**
   * Closes the connection after the latest frame went out: Paho sends a DISCONNECT ahead of QoS 0
   * publishes still queued, so a frame published just before (the simulator's END, the board's
   * END_ACK) would otherwise be lost. Waits at most 500 ms for it.
   */
  @Override
  public void close() {
    IMqttDeliveryToken t = lastSent;
    if (t != null && link.isConnected()) {
      try {
        t.waitForCompletion(500);
      } catch (MqttException e) {
        // not written (connection lost or timed out): close anyway
      }
    }
    link.close(1_000);
  }
}
