package io.ganglion.telemetry.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.protocol.InvalidPayloadException;
import io.ganglion.telemetry.protocol.Names;
import io.ganglion.telemetry.protocol.StrictJson;
import io.ganglion.telemetry.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The board side of command authentication. In order: a signature line must be present ({@code
 * unsigned}), the HMAC-SHA256 of the body under the board key must match in constant time ({@code
 * bad_signature}), the body must be the documented JSON ({@code malformed}), address this board
 * ({@code wrong_board}) and the topic's verb ({@code wrong_verb}), its timestamp must be within
 * {@code windowMillis} of the board clock ({@code stale}), and its nonce unseen within the window
 * ({@code replayed}; {@code nonce_cache_full} when too many commands arrive in one window). Never
 * throws on a payload; counts every outcome. Thread-safe.
 */
public final class CommandVerifier {

  /** Default freshness window: 30 s either side of the board clock. */
  public static final long DEFAULT_WINDOW_MILLIS = 30_000;
  /** Default nonce capacity (commands per window). */
  public static final int DEFAULT_NONCE_CAPACITY = 4_096;

  private static final Set<String> MEMBERS = Set.of("v", "board", "verb", "ts_ms", "nonce", "args");

  private final String board;
  private final CommandKey key;
  private final long windowMillis;
  private final LongSupplier clockMillis;
  private final NonceCache nonces;
  private final AtomicLongArray rejected = new AtomicLongArray(CommandRejection.values().length);
  private long accepted;

  /** A verifier with the default window and capacity, on the wall clock. */
  public CommandVerifier(String board, CommandKey key) {
    this(board, key, DEFAULT_WINDOW_MILLIS, DEFAULT_NONCE_CAPACITY, System::currentTimeMillis);
  }

  /**
   * @param board this board's id
   * @param key this board's key
   * @param windowMillis accepted |board clock - command timestamp|
   * @param nonceCapacity most nonces remembered at once
   * @param clockMillis the board's wall clock (ms since the epoch)
   */
  public CommandVerifier(String board, CommandKey key, long windowMillis, int nonceCapacity, LongSupplier clockMillis) {
    this.board = Names.requireBoardId(board);
    this.key = key;
    if (windowMillis < 1_000 || windowMillis > 3_600_000) {
      throw new InvalidInputException("command window " + windowMillis + " ms is out of range; use 1000..3600000");
    }
    if (nonceCapacity < 16) {
      throw new InvalidInputException("nonce capacity " + nonceCapacity + " is too small; use >= 16");
    }
    this.windowMillis = windowMillis;
    this.clockMillis = clockMillis;
    this.nonces = new NonceCache(nonceCapacity);
  }

  /** Verifies a payload received live on {@code topic}. */
  public CommandVerdict verify(String topic, byte[] payload) {
    return verify(topic, payload, false);
  }

  /**
   * Verifies a payload received on {@code topic}; {@code retained} is the MQTT retain flag of the
   * delivery (a stored message, not a live command: refused).
   */
  public synchronized CommandVerdict verify(String topic, byte[] payload, boolean retained) {
    Topics.TopicParts parts = Topics.parse(topic);
    String verb = parts != null && parts.kind() == Topics.TopicKind.COMMAND ? parts.name() : null;
    CommandVerdict v;
    try {
      v = retained ? CommandVerdict.reject(CommandRejection.RETAINED, verb, "retained command messages are never executed")
          : check(parts, verb, payload);
    } catch (RuntimeException e) {
      v = CommandVerdict.reject(CommandRejection.MALFORMED, verb, "unreadable command: " + e.getMessage());
    }
    if (v.accepted()) {
      accepted++;
    } else {
      rejected.incrementAndGet(v.rejection().ordinal());
    }
    return v;
  }

  private CommandVerdict check(Topics.TopicParts parts, String verb, byte[] payload) {
    if (verb == null) {
      return CommandVerdict.reject(CommandRejection.MALFORMED, null, "topic is not robots/<board>/cmd/<verb>");
    }
    if (!parts.board().equals(board)) {
      return CommandVerdict.reject(CommandRejection.WRONG_BOARD, verb, "topic addresses board " + parts.board());
    }
    if (payload.length > CommandFormat.MAX_PAYLOAD_BYTES) {
      return CommandVerdict.reject(CommandRejection.MALFORMED, verb, payload.length + " B exceeds " + CommandFormat.MAX_PAYLOAD_BYTES);
    }
    int end = payload.length;
    if (end > 0 && payload[end - 1] == '\n') {
      end--;
    }
    int newline = -1;
    for (int i = end - 1; i >= 0; i--) {
      if (payload[i] == '\n') {
        newline = i;
        break;
      }
    }
    if (newline < 0) {
      return CommandVerdict.reject(CommandRejection.UNSIGNED, verb, "no signature line");
    }
    String sigLine = new String(payload, newline + 1, end - newline - 1, StandardCharsets.US_ASCII);
    if (!sigLine.startsWith(CommandFormat.SIGNATURE_PREFIX)) {
      return CommandVerdict.reject(CommandRejection.UNSIGNED, verb, "the last line is not '" + CommandFormat.SIGNATURE_PREFIX + "<hex>'");
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(sigLine.substring(CommandFormat.SIGNATURE_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return CommandVerdict.reject(CommandRejection.BAD_SIGNATURE, verb, "signature is not hex");
    }
    if (!MessageDigest.isEqual(given, key.hmac(payload, 0, newline))) {
      return CommandVerdict.reject(CommandRejection.BAD_SIGNATURE, verb, "signature does not match this board's key");
    }
    ObjectNode body;
    try {
      body = StrictJson.parseObject(java.util.Arrays.copyOf(payload, newline));
    } catch (InvalidPayloadException e) {
      return CommandVerdict.reject(CommandRejection.MALFORMED, verb, e.getMessage());
    }
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!MEMBERS.contains(name)) {
        return CommandVerdict.reject(CommandRejection.MALFORMED, verb, "unexpected member '" + name + "'");
      }
    }
    long version = StrictJson.requiredLong(body, "v");
    if (version != CommandFormat.VERSION) {
      return CommandVerdict.reject(CommandRejection.MALFORMED, verb, "command version " + version + " is not supported");
    }
    String toBoard = StrictJson.requiredText(body, "board");
    if (!toBoard.equals(board)) {
      return CommandVerdict.reject(CommandRejection.WRONG_BOARD, verb, "signed for board " + toBoard);
    }
    String bodyVerb = StrictJson.requiredText(body, "verb");
    if (!bodyVerb.equals(verb)) {
      return CommandVerdict.reject(CommandRejection.WRONG_VERB, verb, "signed verb " + bodyVerb + " sent on cmd/" + verb);
    }
    long tsMs = StrictJson.requiredLong(body, "ts_ms");
    String nonce = StrictJson.requiredText(body, "nonce");
    if (!CommandFormat.isNonce(nonce)) {
      return CommandVerdict.reject(CommandRejection.MALFORMED, verb, "invalid nonce");
    }
    JsonNode args = body.get("args");
    if (args == null || !args.isObject()) {
      return CommandVerdict.reject(CommandRejection.MALFORMED, verb, "'args' must be an object");
    }
    long now = clockMillis.getAsLong();
    // |now - ts_ms| <= window, as a range so that no difference can overflow (now - ts_ms = 2^63
    // wraps to Long.MIN_VALUE, whose Math.abs is negative); ts_ms below now - window stops the
    // second test from underflowing
    if (tsMs < now - windowMillis || tsMs - windowMillis > now) {
      return CommandVerdict.reject(CommandRejection.STALE, verb, "timestamp " + tsMs + " ms is outside the window of "
          + windowMillis + " ms around the board clock " + now + " ms");
    }
    nonces.expire(now);
    if (nonces.contains(nonce)) {
      return CommandVerdict.reject(CommandRejection.REPLAYED, verb, "nonce " + nonce + " was already used");
    }
    if (nonces.isFull()) {
      return CommandVerdict.reject(CommandRejection.NONCE_CACHE_FULL, verb, "too many commands in one window");
    }
    // Remember the nonce until a replay would be stale: ts + window (on the board clock).
    nonces.add(nonce, Math.max(tsMs, now) + windowMillis + 1);
    return CommandVerdict.accept(new Command(board, verb, tsMs, nonce, args));
  }

  /** Commands accepted. */
  public synchronized long acceptedCount() {
    return accepted;
  }

  /** Commands refused for {@code reason}. */
  public long rejectedCount(CommandRejection reason) {
    return rejected.get(reason.ordinal());
  }

  /** {@code commands_accepted} and {@code commands_<reason>} for the status payload. */
  public Map<String, Long> counters() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("commands_accepted", acceptedCount());
    for (CommandRejection r : CommandRejection.values()) {
      m.put("commands_" + r.key(), rejected.get(r.ordinal()));
    }
    return m;
  }
}
