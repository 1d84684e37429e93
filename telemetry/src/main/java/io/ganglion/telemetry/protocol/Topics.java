package io.ganglion.telemetry.protocol;

/**
 * The MQTT topic scheme (docs/telemetry.md). Every board publishes under {@code robots/<board>/}:
 *
 * <ul>
 *   <li>{@code status}: retained JSON birth/last-will payload ({@link StatusPayload}), QoS 1;
 *   <li>{@code telemetry/<stream>}: batches of samples, QoS 0;
 *   <li>{@code events}: faults and failsafe transitions ({@link EventPayload}), QoS 1;
 *   <li>{@code cmd/<verb>}: signed commands to the board, QoS 1.
 * </ul>
 */
public final class Topics {

  /** First topic level. */
  public static final String ROOT = "robots";
  /** QoS of telemetry batches. */
  public static final int TELEMETRY_QOS = 0;
  /** QoS of status, events and commands. */
  public static final int RELIABLE_QOS = 1;
  /** Filter for every board's messages. */
  public static final String ALL_BOARDS = ROOT + "/+/#";

  private Topics() {}

  /** {@code robots/<board>/status}. */
  public static String status(String board) {
    return prefix(board) + "status";
  }

  /** {@code robots/<board>/telemetry/<stream>}. */
  public static String telemetry(String board, String stream) {
    return prefix(board) + "telemetry/" + Names.requireStreamName(stream);
  }

  /** {@code robots/<board>/events}. */
  public static String events(String board) {
    return prefix(board) + "events";
  }

  /** {@code robots/<board>/cmd/<verb>}. */
  public static String command(String board, String verb) {
    if (!Names.isStreamName(verb)) {
      throw new io.ganglion.drivers.InvalidInputException("command verb '" + verb
          + "' is invalid; use 1-48 characters of a-z 0-9 _ - (e.g. arm, disarm, set)");
    }
    return prefix(board) + "cmd/" + verb;
  }

  /** {@code robots/<board>/cmd/+}: the filter a board subscribes to for its commands. */
  public static String commandFilter(String board) {
    return prefix(board) + "cmd/+";
  }

  /** {@code robots/<board>/#}, or {@link #ALL_BOARDS} when {@code board} is null. */
  public static String boardFilter(String board) {
    return board == null ? ALL_BOARDS : prefix(board) + "#";
  }

  private static String prefix(String board) {
    return ROOT + "/" + Names.requireBoardId(board) + "/";
  }

  /**
   * Splits a topic of this scheme.
   *
   * @return the parts, or null when the topic is not {@code robots/<board>/status|events|telemetry/<s>|cmd/<v>}
   */
  public static TopicParts parse(String topic) {
    String[] levels = topic.split("/", -1);
    if (levels.length < 3 || !levels[0].equals(ROOT) || !Names.isBoardId(levels[1])) {
      return null;
    }
    String board = levels[1];
    if (levels.length == 3) {
      if (levels[2].equals("status")) {
        return new TopicParts(board, TopicKind.STATUS, null);
      }
      if (levels[2].equals("events")) {
        return new TopicParts(board, TopicKind.EVENTS, null);
      }
      return null;
    }
    if (levels.length == 4 && Names.isStreamName(levels[3])) {
      if (levels[2].equals("telemetry")) {
        return new TopicParts(board, TopicKind.TELEMETRY, levels[3]);
      }
      if (levels[2].equals("cmd")) {
        return new TopicParts(board, TopicKind.COMMAND, levels[3]);
      }
    }
    return null;
  }

  /** What a topic carries. */
  public enum TopicKind {
    STATUS, TELEMETRY, EVENTS, COMMAND
  }

  /**
   * A parsed topic.
   *
   * @param board the board id
   * @param kind what the topic carries
   * @param name the stream (TELEMETRY) or verb (COMMAND), else null
   */
  public record TopicParts(String board, TopicKind kind, String name) {}
}
