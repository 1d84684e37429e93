package io.ganglion.telemetry.protocol;

import io.ganglion.drivers.InvalidInputException;

/**
 * A received payload breaks its format. Carries the {@link RejectReason} and, for binary payloads,
 * the byte offset where the problem was found (-1 when there is none).
 */
public final class InvalidPayloadException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final RejectReason reason;
  private final long offset;

  public InvalidPayloadException(RejectReason reason, long offset, String message) {
    super(reason.key() + ": " + message + (offset >= 0 ? " (at byte " + offset + ")" : ""));
    this.reason = reason;
    this.offset = offset;
  }

  public InvalidPayloadException(RejectReason reason, String message) {
    this(reason, -1, message);
  }

  /** Why the payload was rejected. */
  public RejectReason reason() {
    return reason;
  }

  /** Byte offset of the problem, or -1. */
  public long offset() {
    return offset;
  }
}
