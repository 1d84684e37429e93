package io.ganglion.telemetry.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.protocol.Names;
import io.ganglion.telemetry.protocol.StrictJson;
import io.ganglion.telemetry.protocol.Topics;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.LongSupplier;

/**
 * Signs commands for one board (the operator side: CLI, tools, tests). Thread-safe.
 *
 * <pre>{@code
 * CommandSigner signer = new CommandSigner(CommandKey.fromHex(hex));
 * byte[] payload = signer.sign("b1", "set", args);   // args: {"name":"gain","value":0.5}
 * client.publish(Topics.command("b1", "set"), payload, 1, false);
 * }</pre>
 */
public final class CommandSigner {

  private final CommandKey key;
  private final LongSupplier clockMillis;
  private final SecureRandom random;

  /** A signer using the wall clock and a fresh {@link SecureRandom} for nonces. */
  public CommandSigner(CommandKey key) {
    this(key, System::currentTimeMillis, new SecureRandom());
  }

  /** A signer with an explicit clock (ms since the epoch) and nonce source. */
  public CommandSigner(CommandKey key, LongSupplier clockMillis, SecureRandom random) {
    this.key = key;
    this.clockMillis = clockMillis;
    this.random = random;
  }

  /** Signs {@code verb} for {@code board} now, with a random 128-bit nonce. {@code args} may be null. */
  public byte[] sign(String board, String verb, JsonNode args) {
    byte[] n = new byte[16];
    synchronized (random) {
      random.nextBytes(n);
    }
    return sign(board, verb, args, clockMillis.getAsLong(), HexFormat.of().formatHex(n));
  }

  /** Signs with an explicit timestamp and nonce (deterministic; for tests and documentation). */
  public byte[] sign(String board, String verb, JsonNode args, long tsMs, String nonce) {
    Names.requireBoardId(board);
    Topics.command(board, verb); // validates the verb
    if (!CommandFormat.isNonce(nonce)) {
      throw new InvalidInputException("nonce '" + nonce + "' is invalid; use 8-64 characters of A-Z a-z 0-9 _ -");
    }
    if (args != null && !args.isObject()) {
      throw new InvalidInputException("command args must be a JSON object, got " + args.getNodeType());
    }
    ObjectNode body = StrictJson.object();
    body.put("v", CommandFormat.VERSION);
    body.put("board", board);
    body.put("verb", verb);
    body.put("ts_ms", tsMs);
    body.put("nonce", nonce);
    body.set("args", args == null ? StrictJson.object() : args.deepCopy());
    byte[] bodyBytes = StrictJson.bytes(body);
    return CommandFormat.join(bodyBytes, HexFormat.of().formatHex(key.hmac(bodyBytes, 0, bodyBytes.length)));
  }
}
