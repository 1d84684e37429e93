package io.ganglion.telemetry.publish;

import java.util.concurrent.atomic.AtomicLong;

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
}
