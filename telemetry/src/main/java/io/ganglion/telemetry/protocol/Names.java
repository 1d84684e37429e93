package io.ganglion.telemetry.protocol;

import io.ganglion.drivers.InvalidInputException;

/**
 * The character rules for board ids, stream names and field names: they appear in MQTT topics and
 * JSON keys, so they are plain ASCII without MQTT wildcards or separators.
 */
public final class Names {

  /** Longest board id. */
  public static final int MAX_BOARD_ID = 64;
  /** Longest stream or field name. */
  public static final int MAX_NAME = 48;

  private Names() {}

  /** Board id: 1..64 of {@code [A-Za-z0-9_-]}, starting with a letter or digit. */
  public static boolean isBoardId(String s) {
    return matches(s, MAX_BOARD_ID, true);
  }

  /** Stream name: 1..48 of {@code [a-z0-9_-]}, starting with a letter or digit. */
  public static boolean isStreamName(String s) {
    return matches(s, MAX_NAME, false);
  }

  /** Field name: 1..48 of {@code [a-z0-9_]}, starting with a letter; {@code t_us} is reserved. */
  public static boolean isFieldName(String s) {
    if (s == null || s.isEmpty() || s.length() > MAX_NAME || s.equals("t_us")) {
      return false;
    }
    if (s.charAt(0) < 'a' || s.charAt(0) > 'z') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /** {@code boardId} itself, or an {@link InvalidInputException} saying what is allowed. */
  public static String requireBoardId(String boardId) {
    if (!isBoardId(boardId)) {
      throw new InvalidInputException("board id '" + boardId + "' is invalid; use 1-64 characters of A-Z a-z 0-9 _ -"
          + " starting with a letter or digit (it becomes an MQTT topic level)");
    }
    return boardId;
  }

  /** {@code name} itself, or an {@link InvalidInputException} saying what is allowed. */
  public static String requireStreamName(String name) {
    if (!isStreamName(name)) {
      throw new InvalidInputException("stream name '" + name + "' is invalid; use 1-48 characters of a-z 0-9 _ -"
          + " starting with a letter or digit");
    }
    return name;
  }

  /** {@code name} itself, or an {@link InvalidInputException} saying what is allowed. */
  public static String requireFieldName(String name) {
    if (!isFieldName(name)) {
      throw new InvalidInputException("field name '" + name + "' is invalid; use 1-48 characters of a-z 0-9 _"
          + " starting with a letter, with the unit as suffix (angle_rad), and not t_us");
    }
    return name;
  }

  private static boolean matches(String s, int max, boolean upperAllowed) {
    if (s == null || s.isEmpty() || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || (upperAllowed && c >= 'A' && c <= 'Z') || (i > 0 && (c == '_' || c == '-'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
