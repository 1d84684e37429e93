package io.ganglion.telemetry.publish;

import io.ganglion.telemetry.mqtt.MqttLink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;

/**
 * Counters written by the publisher thread and the MQTT callback threads (the loop's own counters
 * live in the ring and event queue). Every drop has a counter; they are published in {@code status}.
 */
final class PublisherCounters {
  /** Samples sent in batches the client wrote to the network. */
  final AtomicLong samplesSent = new AtomicLong();
  /** Batches handed to the client. */
  final AtomicLong batchesSent = new AtomicLong();
  /** Samples dropped because the publisher was not connected. */
  final AtomicLong notConnected = new AtomicLong();
  /** Samples in batches the client failed to send. */
  final AtomicLong publishFailed = new AtomicLong();
  /** Samples dropped because too many messages were in flight. */
  final AtomicLong backpressure = new AtomicLong();
  /** Offers with an unknown stream, a wrong value count or a bad field index. */
  final AtomicLong badOffer = new AtomicLong();
  /** Events handed to the client. */
  final AtomicLong eventsSent = new AtomicLong();
  /** Events the client failed to deliver. */
  final AtomicLong eventsFailed = new AtomicLong();
  /** Status messages published. */
  final AtomicLong statusSent = new AtomicLong();
  /** Unexpected failures of the publisher thread's own code (caught and counted). */
  final AtomicLong internalErrors = new AtomicLong();
  /** Messages handed to the client and not yet completed. */
  final AtomicLong inFlight = new AtomicLong();
  /**
   * Samples in batches handed to the client but neither written nor failed when the connection was
   * lost: Paho may never complete such a QoS 0 message, so they are counted lost at the loss (a
   * completion arriving later for an earlier connection is ignored).
   */
  final AtomicLong inFlightLost = new AtomicLong();
  private long inFlightSamples; // guarded by this
  private int epoch;             // connection number, guarded by this

  /** A batch of {@code samples} goes to the client: its token context. */
  synchronized long beginBatch(int samples) {
    inFlightSamples += samples;
    return ((long) epoch << 32) | samples;
  }

  /** The client refused the batch of {@code context} (counted by the caller). */
  synchronized void abortBatch(long context) {
    if ((int) (context >>> 32) == epoch) {
      inFlightSamples -= (int) context;
    }
  }

  /** The connection was lost: every sample still in flight is lost. */
  synchronized void connectionLost() {
    epoch++;
    inFlightLost.addAndGet(inFlightSamples);
    inFlightSamples = 0;
  }

  /** A batch completed: its sample count, or -1 when it belongs to an earlier connection (already counted lost). */
  private synchronized int complete(long context) {
    if ((int) (context >>> 32) != epoch) {
      return -1;
    }
    int samples = (int) context;
    inFlightSamples -= samples;
    return samples;
  }

  /** Every counter by its status name, in a stable order, then the extra suppliers' counters. */
  Map<String, Long> snapshot(SampleRing ring, EventQueue events, MqttLink link, List<Supplier<Map<String, Long>>> extras) {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("samples_offered", ring.offeredCount());
    m.put("ring_overflow", ring.overflowCount());
    m.put("samples_sent", samplesSent.get());
    m.put("batches_sent", batchesSent.get());
    m.put("not_connected", notConnected.get());
    m.put("backpressure", backpressure.get());
    m.put("publish_failed", publishFailed.get());
    m.put("in_flight_lost", inFlightLost.get());
    m.put("bad_offer", badOffer.get());
    m.put("events_offered", events.offeredCount());
    m.put("events_dropped", events.droppedCount());
    m.put("events_sent", eventsSent.get());
    m.put("events_failed", eventsFailed.get());
    m.put("connects", link.connects());
    m.put("connection_losses", link.losses());
    m.put("connect_failures", link.connectFailures());
    m.put("callback_errors", link.callbackErrors());
    m.put("internal_errors", internalErrors.get());
    for (Supplier<Map<String, Long>> extra : extras) {
      try {
        m.putAll(extra.get());
      } catch (RuntimeException e) {
        internalErrors.incrementAndGet();
      }
    }
    return m;
  }

  /** In-flight accounting restarts at 0 on each connection; late completions of the previous one clamp at 0. */
  void decrementInFlight() {
    inFlight.updateAndGet(v -> v > 0 ? v - 1 : 0);
  }

  /** Completion of a batch (token context: its sample count) or of an event. */
  IMqttActionListener completionListener(boolean event) {
    return new IMqttActionListener() {
      @Override
      public void onSuccess(IMqttToken token) {
        if (!event) {
          decrementInFlight();
          int samples = complete((Long) token.getUserContext());
          if (samples >= 0) {
            samplesSent.addAndGet(samples);
          }
        }
      }

      @Override
      public void onFailure(IMqttToken token, Throwable e) {
        if (event) {
          eventsFailed.incrementAndGet();
        } else {
          decrementInFlight();
          int samples = complete((Long) token.getUserContext());
          if (samples >= 0) {
            publishFailed.addAndGet(samples);
          }
        }
      }
    };
  }
}
