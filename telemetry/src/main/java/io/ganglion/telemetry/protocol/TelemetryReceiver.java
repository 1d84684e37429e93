package io.ganglion.telemetry.protocol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decodes received {@code robots/<board>/telemetry/<stream>} messages of either format (sniffed
 * from the first byte) and checks them against their topic and, when registered, the expected
 * stream schema. Never throws: rejections are returned and counted per {@link RejectReason}.
 * Thread-safe (usable from an MQTT callback).
 */
public final class TelemetryReceiver {

  /** Default size limit: 1 MiB. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20;

  private final int maxPayloadBytes;
  private final RejectCounters counters = new RejectCounters();
  private final Map<String, StreamSchema> expected = new ConcurrentHashMap<>();

  /** A receiver with the default size limit and no expected schemas. */
  public TelemetryReceiver() {
    this(DEFAULT_MAX_PAYLOAD_BYTES);
  }

  /** A receiver rejecting payloads larger than {@code maxPayloadBytes}. */
  public TelemetryReceiver(int maxPayloadBytes) {
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** From now on, batches of stream {@code schema.name()} must declare exactly {@code schema}. */
  public TelemetryReceiver expect(StreamSchema schema) {
    expected.put(schema.name(), schema);
    return this;
  }

  /** The rejection counters. */
  public RejectCounters counters() {
    return counters;
  }

  /** Decodes a telemetry message received on {@code topic}. */
  public DecodeResult<TelemetryBatch> decode(String topic, byte[] payload) {
    Topics.TopicParts parts = Topics.parse(topic);
    if (parts == null || parts.kind() != Topics.TopicKind.TELEMETRY) {
      return reject(RejectReason.TOPIC_MISMATCH, "topic '" + topic + "' is not robots/<board>/telemetry/<stream>");
    }
    if (payload.length > maxPayloadBytes) {
      return reject(RejectReason.TOO_LARGE, payload.length + " B exceeds the limit of " + maxPayloadBytes + " B");
    }
    TelemetryFormat format = TelemetryFormat.sniff(payload);
    if (format == null) {
      return reject(RejectReason.BAD_MAGIC, "neither binary (GTLM) nor JSON ('{')");
    }
    DecodeResult<TelemetryBatch> result = TelemetryCodec.of(format).tryDecode(payload, counters);
    if (!result.isOk()) {
      return result;
    }
    TelemetryBatch batch = result.value();
    if (!batch.board().equals(parts.board()) || !batch.schema().name().equals(parts.name())) {
      return reject(RejectReason.TOPIC_MISMATCH, "payload of " + batch.board() + "/" + batch.schema().name()
          + " on topic " + topic);
    }
    StreamSchema want = expected.get(batch.schema().name());
    if (want != null && !want.equals(batch.schema())) {
      return reject(RejectReason.SCHEMA_MISMATCH, "payload declares " + batch.schema() + " but " + want + " is expected");
    }
    return result;
  }

  private DecodeResult<TelemetryBatch> reject(RejectReason reason, String message) {
    counters.increment(reason);
    return DecodeResult.rejected(reason, message);
  }
}
