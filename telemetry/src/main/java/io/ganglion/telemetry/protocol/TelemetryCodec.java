package io.ganglion.telemetry.protocol;

/**
 * Encodes and strictly decodes {@code telemetry/<stream>} payloads in one {@link TelemetryFormat}.
 * Implementations are stateless and thread-safe.
 */
public interface TelemetryCodec {

  /** The format this codec reads and writes. */
  TelemetryFormat format();

  /** The payload for {@code batch} (at least one sample). */
  byte[] encode(TelemetryBatch batch);

  /**
   * Decodes and validates a payload.
   *
   * @throws InvalidPayloadException with the reason when the payload breaks the format
   */
  TelemetryBatch decode(byte[] payload);

  /** {@link #decode} that never throws: a rejection is returned and counted in {@code counters}. */
  default DecodeResult<TelemetryBatch> tryDecode(byte[] payload, RejectCounters counters) {
    try {
      return DecodeResult.ok(decode(payload));
    } catch (InvalidPayloadException e) {
      counters.increment(e.reason());
      return DecodeResult.rejected(e.reason(), e.getMessage());
    } catch (RuntimeException e) {
      counters.increment(RejectReason.INTERNAL_ERROR);
      return DecodeResult.rejected(RejectReason.INTERNAL_ERROR, "decoder failed: " + e);
    }
  }

  /** The codec for {@code format}. */
  static TelemetryCodec of(TelemetryFormat format) {
    return format == TelemetryFormat.BINARY ? BinaryTelemetryCodec.INSTANCE : JsonTelemetryCodec.INSTANCE;
  }
}
