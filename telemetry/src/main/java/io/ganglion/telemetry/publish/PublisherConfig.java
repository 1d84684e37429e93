package io.ganglion.telemetry.publish;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.protocol.BinaryTelemetryCodec;
import io.ganglion.telemetry.protocol.TelemetryFormat;

/**
 * Tuning of a {@link TelemetryPublisher}. Memory is bounded by {@code ringCapacity} samples,
 * {@code eventCapacity} events and {@code maxInFlightMessages} messages handed to the MQTT client.
 *
 * @param format binary or JSON telemetry payloads
 * @param ringCapacity sample slots between the loop and the publisher thread (a power of two)
 * @param maxBatchSamples a batch is sent when it holds this many samples...
 * @param maxBatchDelayMicros ...or when its first sample has waited this long
 * @param statusPeriodMillis how often the retained status (with counters) is refreshed
 * @param maxInFlightMessages messages given to the client and not yet written; beyond, batches are
 *     dropped and counted as {@code backpressure}
 * @param eventCapacity queued events (a power of two); events wait in the queue while disconnected
 * @param reconnectInitialMillis first reconnect delay
 * @param reconnectMaxMillis reconnect delay cap
 * @param idleParkMicros how long the publisher thread sleeps when it has nothing to do
 */
public record PublisherConfig(TelemetryFormat format, int ringCapacity, int maxBatchSamples, long maxBatchDelayMicros,
    long statusPeriodMillis, int maxInFlightMessages, int eventCapacity, long reconnectInitialMillis,
    long reconnectMaxMillis, long idleParkMicros) {

  /** Validates ranges with messages that say how to fix them. */
  public PublisherConfig {
    if (format == null) {
      throw new InvalidInputException("telemetry format is missing; use binary or json");
    }
    requirePowerOfTwo("ring capacity", ringCapacity, 16, 1 << 22);
    requirePowerOfTwo("event capacity", eventCapacity, 4, 1 << 16);
    if (maxBatchSamples < 1 || maxBatchSamples > BinaryTelemetryCodec.MAX_SAMPLES) {
      throw new InvalidInputException("max batch samples " + maxBatchSamples + " is out of range; use 1.." + BinaryTelemetryCodec.MAX_SAMPLES);
    }
    if (maxBatchDelayMicros < 0 || maxBatchDelayMicros > 10_000_000) {
      throw new InvalidInputException("max batch delay " + maxBatchDelayMicros + " us is out of range; use 0..10000000");
    }
    if (statusPeriodMillis < 100) {
      throw new InvalidInputException("status period " + statusPeriodMillis + " ms is too short; use >= 100");
    }
    if (maxInFlightMessages < 1) {
      throw new InvalidInputException("max in-flight messages " + maxInFlightMessages + " must be >= 1");
    }
    if (reconnectInitialMillis <= 0 || reconnectMaxMillis < reconnectInitialMillis) {
      throw new InvalidInputException("reconnect backoff " + reconnectInitialMillis + ".." + reconnectMaxMillis
          + " ms is invalid; use 0 < initial <= max");
    }
    if (idleParkMicros < 10 || idleParkMicros > 100_000) {
      throw new InvalidInputException("idle park " + idleParkMicros + " us is out of range; use 10..100000");
    }
  }

  /**
   * Binary format, 16384-sample ring, batches of up to 200 samples or 2 ms, status every 1 s,
   * 256 in-flight messages, 256 events, reconnect 100 ms doubling up to 10 s, 200 us idle park.
   */
  public static PublisherConfig defaults() {
    return new PublisherConfig(TelemetryFormat.BINARY, 1 << 14, 200, 2_000, 1_000, 256, 256, 100, 10_000, 200);
  }

  /** A copy with another format. */
  public PublisherConfig withFormat(TelemetryFormat f) {
    return new PublisherConfig(f, ringCapacity, maxBatchSamples, maxBatchDelayMicros, statusPeriodMillis,
        maxInFlightMessages, eventCapacity, reconnectInitialMillis, reconnectMaxMillis, idleParkMicros);
  }

  /** A copy with another ring capacity. */
  public PublisherConfig withRingCapacity(int samples) {
    return new PublisherConfig(format, samples, maxBatchSamples, maxBatchDelayMicros, statusPeriodMillis,
        maxInFlightMessages, eventCapacity, reconnectInitialMillis, reconnectMaxMillis, idleParkMicros);
  }

  /** A copy with other batching limits. */
  public PublisherConfig withBatching(int samples, long delayMicros) {
    return new PublisherConfig(format, ringCapacity, samples, delayMicros, statusPeriodMillis,
        maxInFlightMessages, eventCapacity, reconnectInitialMillis, reconnectMaxMillis, idleParkMicros);
  }

  /** A copy with another status period. */
  public PublisherConfig withStatusPeriodMillis(long millis) {
    return new PublisherConfig(format, ringCapacity, maxBatchSamples, maxBatchDelayMicros, millis,
        maxInFlightMessages, eventCapacity, reconnectInitialMillis, reconnectMaxMillis, idleParkMicros);
  }

  /** A copy with another reconnect backoff. */
  public PublisherConfig withReconnect(long initialMillis, long maxMillis) {
    return new PublisherConfig(format, ringCapacity, maxBatchSamples, maxBatchDelayMicros, statusPeriodMillis,
        maxInFlightMessages, eventCapacity, initialMillis, maxMillis, idleParkMicros);
  }

  private static void requirePowerOfTwo(String what, int value, int min, int max) {
    if (value < min || value > max || Integer.bitCount(value) != 1) {
      throw new InvalidInputException(what + " " + value + " is invalid; use a power of two in " + min + ".." + max);
    }
  }
}
