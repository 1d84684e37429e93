package io.ganglion.telemetry.fuzz;

import io.ganglion.telemetry.command.CommandKey;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * A seeded stream of random MQTT messages for every topic a board and a monitor subscribe to:
 * status, telemetry (binary and JSON), events and commands, plus topics outside the scheme. About
 * {@code validFraction} of them are well-formed; every other one breaks one rule and carries the
 * reason it must be rejected for. Status, telemetry and events go to boards {@code fz-0..fz-7};
 * commands go to {@code board} (signed with {@code key} when valid).
 */
public final class PayloadFuzzer {

  /** Boards the status, telemetry and events messages go to: {@code fz-0} .. {@code fz-15}. */
  public static final int FUZZ_BOARDS = 16;
  /** The malformed board id of one of the out-of-scheme topics. */
  static final String BAD_BOARD_ID = "bad!id";

  private final SplittableRandom random;
  private final double validFraction;
  private final CommandFuzz commands;

  /**
   * @param seed the seed (same seed, same messages, except command timestamps from {@code clockMillis})
   * @param validFraction share of well-formed messages, 0..1
   * @param board the board under test (commands)
   * @param key its command key
   * @param clockMillis the clock command timestamps are taken from
   */
  public PayloadFuzzer(long seed, double validFraction, String board, CommandKey key, LongSupplier clockMillis) {
    if (!(validFraction >= 0 && validFraction <= 1)) {
      throw new io.ganglion.drivers.InvalidInputException("valid fraction " + validFraction + " must be within 0..1");
    }
    this.random = new SplittableRandom(seed);
    this.validFraction = validFraction;
    byte[] other = new byte[32];
    new SplittableRandom(seed ^ 0x5DEECE66DL).nextBytes(other);
    this.commands = new CommandFuzz(board, key, CommandKey.fromHex(java.util.HexFormat.of().formatHex(other)), clockMillis);
  }

  /**
   * True for a topic this fuzzer publishes to: anything under {@code robots/fz-N/} (N below {@value
   * #FUZZ_BOARDS}) or {@code robots/bad!id/}, and {@code robots/<commandBoard>/cmd/...}. A fuzz run
   * counts only these, so other boards' traffic on the same broker does not skew its counts.
   */
  public static boolean isFuzzTopic(String topic, String commandBoard) {
    String prefix = "robots/";
    if (!topic.startsWith(prefix)) {
      return false;
    }
    int end = topic.indexOf('/', prefix.length());
    String board = topic.substring(prefix.length(), end < 0 ? topic.length() : end);
    if (board.equals(commandBoard)) {
      return end >= 0 && topic.startsWith("/cmd/", end);
    }
    if (board.equals(BAD_BOARD_ID)) {
      return true;
    }
    return board.matches("fz-(0|[1-9][0-9]?)") && Integer.parseInt(board.substring(3)) < FUZZ_BOARDS;
  }

  /** The next message. */
  public FuzzMessage next() {
    SplittableRandom r = random;
    String board = "fz-" + r.nextInt(FUZZ_BOARDS / 2);
    String other = "fz-" + (FUZZ_BOARDS / 2 + r.nextInt(FUZZ_BOARDS / 2));
    boolean valid = r.nextDouble() < validFraction;
    int target = r.nextInt(100);
    if (target < 15) {
      return valid ? StatusEventFuzz.validStatus(r, board) : StatusEventFuzz.malformedStatus(r, board, other);
    }
    if (target < 55) {
      return valid ? TelemetryFuzz.valid(r, board) : TelemetryFuzz.malformed(r, board, other);
    }
    if (target < 70) {
      return valid ? StatusEventFuzz.validEvent(r, board) : StatusEventFuzz.malformedEvent(r, board, other);
    }
    if (target < 90) {
      return valid ? commands.valid(r) : commands.malformed(r);
    }
    String[] topics = {"robots/" + board + "/unknown", "robots/" + board + "/telemetry", "robots/" + board + "/telemetry/a/b",
        "robots/" + board + "/cmd", "robots/" + BAD_BOARD_ID + "/status", "robots/" + board + "/telemetry/Upper",
        "robots/" + board + "/status/x"};
    byte[] p = new byte[r.nextInt(64)];
    r.nextBytes(p);
    return new FuzzMessage(topics[r.nextInt(topics.length)], p.length == 0 ? "x".getBytes(StandardCharsets.US_ASCII) : p,
        FuzzMessage.Target.OTHER, "unknown_topic");
  }
}
