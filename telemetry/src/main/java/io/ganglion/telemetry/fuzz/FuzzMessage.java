package io.ganglion.telemetry.fuzz;

/**
 * One generated MQTT message.
 *
 * @param topic where it is published
 * @param payload its bytes
 * @param target the topic kind it exercises
 * @param expectedReason null for a valid message; else the reason the receiver must report
 *     (a {@code RejectReason} key, {@code unknown_topic}, or a {@code CommandRejection} key for commands)
 */
public record FuzzMessage(String topic, byte[] payload, Target target, String expectedReason) {

  /** What a message exercises. */
  public enum Target {
    /** {@code robots/<b>/status}, decoded by the monitor. */
    STATUS,
    /** {@code robots/<b>/telemetry/<s>}, binary or JSON, decoded by the monitor. */
    TELEMETRY,
    /** {@code robots/<b>/events}, decoded by the monitor. */
    EVENTS,
    /** {@code robots/<board>/cmd/<verb>}, verified by the board (the monitor only counts them). */
    CMD,
    /** A topic under {@code robots/} outside the scheme: the monitor rejects it as {@code unknown_topic}. */
    OTHER;

    /** The monitor's key for this kind ({@code status}, {@code telemetry}, {@code events}, {@code cmd}, {@code other}). */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** True for a well-formed message. */
  public boolean valid() {
    return expectedReason == null;
  }
}
