package io.ganglion.telemetry.publish;

import io.ganglion.telemetry.protocol.Names;
import java.util.Objects;

/**
 * What a board says about itself in its {@code status} payload.
 *
 * @param boardId the board id (topic level)
 * @param firmwareVersion the firmware version
 * @param configHash a hash of the board configuration (hex), so two runs can be compared
 * @param law the control law's name ({@code ncap}, {@code hebbian-graph}, {@code motion-detector}...)
 */
public record BoardIdentity(String boardId, String firmwareVersion, String configHash, String law) {

  /** Validates the board id; the other fields must be non-null. */
  public BoardIdentity {
    Names.requireBoardId(boardId);
    Objects.requireNonNull(firmwareVersion, "firmwareVersion");
    Objects.requireNonNull(configHash, "configHash");
    Objects.requireNonNull(law, "law");
  }
}
