package io.ganglion.telemetry.hil;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.protocol.Names;

/** HIL topics: {@code hil/<session>/sensors} (simulator to board) and {@code hil/<session>/actuators} (board to simulator), QoS 0. */
public final class HilTopics {

  /** QoS of HIL frames: 0 (lock-step retransmits on timeout; duplicates are answered from a cache). */
  public static final int QOS = 0;

  private HilTopics() {}

  /** A session id has the board-id rules (1-64 of A-Z a-z 0-9 _ -). */
  public static String requireSession(String session) {
    if (!Names.isBoardId(session)) {
      throw new InvalidInputException("HIL session id '" + session + "' is invalid; use 1-64 characters of A-Z a-z 0-9 _ -"
          + " starting with a letter or digit");
    }
    return session;
  }

  /** {@code hil/<session>/sensors}. */
  public static String sensors(String session) {
    return "hil/" + requireSession(session) + "/sensors";
  }

  /** {@code hil/<session>/actuators}. */
  public static String actuators(String session) {
    return "hil/" + requireSession(session) + "/actuators";
  }
}
