package io.ganglion.telemetry.protocol;

/**
 * The outcome of a decode that never throws: either a value or a rejection reason with a one-line
 * message.
 *
 * @param value the decoded value, or null when rejected
 * @param reason null when accepted
 * @param message null when accepted
 * @param <T> the decoded type
 */
public record DecodeResult<T>(T value, RejectReason reason, String message) {

  /** An accepted value. */
  public static <T> DecodeResult<T> ok(T value) {
    return new DecodeResult<>(value, null, null);
  }

  /** A rejection. */
  public static <T> DecodeResult<T> rejected(RejectReason reason, String message) {
    return new DecodeResult<>(null, reason, message);
  }

  /** True when a value was decoded. */
  public boolean isOk() {
    return reason == null;
  }
}
