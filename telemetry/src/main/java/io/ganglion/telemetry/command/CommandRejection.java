package io.ganglion.telemetry.command;

import java.util.Locale;

/** Why a command was refused. */
public enum CommandRejection {
  /** Not two lines, body not a JSON object of the documented members, or bad values. */
  MALFORMED,
  /** No signature line. */
  UNSIGNED,
  /** The signature does not match the body under this board's key. */
  BAD_SIGNATURE,
  /** Signed for another board. */
  WRONG_BOARD,
  /** The body's verb differs from the topic's. */
  WRONG_VERB,
  /** The timestamp is outside the accepted window around the board's clock. */
  STALE,
  /** The nonce was already used within the window. */
  REPLAYED,
  /** Delivered as a retained message (stored by the broker, not sent live): never executed. */
  RETAINED,
  /** Too many distinct commands within one window (the nonce cache is full): refused to stay safe. */
  NONCE_CACHE_FULL;

  /** snake_case name, e.g. {@code bad_signature}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
