package io.ganglion.telemetry.protocol;

/**
 * Why a received payload was rejected. Each reason has a snake_case name used in counters,
 * {@code status} payloads and {@code events}.
 */
public enum RejectReason {
  /** The first four bytes are not the format's magic. */
  BAD_MAGIC,
  /** A format version this code does not know. */
  UNSUPPORTED_VERSION,
  /** Reserved bits set, or a header field outside its allowed values. */
  BAD_HEADER,
  /** The payload ends before a length it declares. */
  TRUNCATED,
  /** The declared lengths or counts disagree with the payload size (e.g. trailing bytes). */
  LENGTH_MISMATCH,
  /** A board, stream or field name breaks the naming rules. */
  BAD_NAME,
  /** An unknown field type code or name. */
  UNKNOWN_TYPE,
  /** NaN or infinity in a field that does not allow it. */
  NON_FINITE,
  /** A value outside its type's range (or a Q16 value that is not a multiple of 2^-16). */
  OUT_OF_RANGE,
  /** Sample timestamps go backwards inside a batch. */
  TIME_NOT_MONOTONIC,
  /** The payload's stream declaration differs from the schema the receiver expects. */
  SCHEMA_MISMATCH,
  /** The topic disagrees with the payload (board, stream, verb). */
  TOPIC_MISMATCH,
  /** Not well-formed JSON, or not a JSON object. */
  MALFORMED_JSON,
  /** A required member is missing. */
  MISSING_FIELD,
  /** A member that the format does not define. */
  UNEXPECTED_FIELD,
  /** A member of the wrong JSON type. */
  WRONG_TYPE,
  /** The payload exceeds the receiver's size limit. */
  TOO_LARGE,
  /** The decoder itself failed (a bug): counted, never thrown into a callback. */
  INTERNAL_ERROR;

  /** The lower-case name, e.g. {@code bad_magic}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
