package io.ganglion.telemetry.fuzz;

import io.ganglion.telemetry.command.CommandKey;
import io.ganglion.telemetry.command.CommandSigner;
import io.ganglion.telemetry.protocol.StrictJson;
import io.ganglion.telemetry.protocol.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Signed commands for one board: valid ones (fresh timestamp, unique nonce) and refused ones with
 * the {@code CommandRejection} the board must report (unsigned, bad signature, malformed, wrong
 * board, wrong verb, stale, replayed). Keeps the valid payloads it made, to replay them.
 */
final class CommandFuzz {

  private static final String[] VERBS = {"arm", "disarm", "set"};

  private final String board;
  private final CommandKey key;
  private final CommandKey otherKey;
  private final CommandSigner signer;
  private final LongSupplier clockMillis;
  private final java.util.ArrayDeque<FuzzMessage> accepted = new java.util.ArrayDeque<>();

  CommandFuzz(String board, CommandKey key, CommandKey otherKey, LongSupplier clockMillis) {
    this.board = board;
    this.key = key;
    this.otherKey = otherKey;
    this.signer = new CommandSigner(key);
    this.clockMillis = clockMillis;
  }

  private static String nonce(SplittableRandom r) {
    return Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode args(SplittableRandom r, String verb) {
    var a = StrictJson.object();
    if (verb.equals("set")) {
      a.put("name", "gain");
      a.put("value", r.nextDouble());
    }
    return a;
  }

  FuzzMessage valid(SplittableRandom r) {
    String verb = VERBS[r.nextInt(VERBS.length)];
    byte[] p = signer.sign(board, verb, args(r, verb), clockMillis.getAsLong(), nonce(r));
    FuzzMessage m = new FuzzMessage(Topics.command(board, verb), p, FuzzMessage.Target.CMD, null);
    accepted.addLast(m);
    if (accepted.size() > 64) {
      accepted.removeFirst(); // replay recent ones only: an old one would be refused as stale first
    }
    return m;
  }

  FuzzMessage malformed(SplittableRandom r) {
    String verb = VERBS[r.nextInt(VERBS.length)];
    String topic = Topics.command(board, verb);
    long now = clockMillis.getAsLong();
    int kind = r.nextInt(accepted.isEmpty() ? 8 : 9);
    return switch (kind) {
      case 0 -> { // the body without its signature line
        byte[] signed = signer.sign(board, verb, args(r, verb), now, nonce(r));
        yield new FuzzMessage(topic, java.util.Arrays.copyOf(signed, indexOf(signed, (byte) '\n')), FuzzMessage.Target.CMD,
            "unsigned");
      }
      case 1 -> { // random printable bytes, no line break
        byte[] p = new byte[r.nextInt(200)];
        for (int i = 0; i < p.length; i++) {
          p[i] = (byte) (' ' + r.nextInt(95));
        }
        yield new FuzzMessage(topic, p, FuzzMessage.Target.CMD, "unsigned");
      }
      case 2 -> { // one signature digit changed
        byte[] p = signer.sign(board, verb, args(r, verb), now, nonce(r));
        int i = p.length - 1 - r.nextInt(64);
        p[i] = (byte) (p[i] == '0' ? '1' : '0');
        yield new FuzzMessage(topic, p, FuzzMessage.Target.CMD, "bad_signature");
      }
      case 3 -> // signed with another board's key
          new FuzzMessage(topic, new CommandSigner(otherKey).sign(board, verb, args(r, verb), now, nonce(r)),
              FuzzMessage.Target.CMD, "bad_signature");
      case 4 -> { // a correctly signed body that is not a command
        String[] bodies = {"{\"v\":1}", "[]", "{\"v\":2,\"board\":\"" + board + "\"}", "not json at all",
            "{\"v\":1,\"board\":\"" + board + "\",\"verb\":\"" + verb + "\",\"ts_ms\":" + now + ",\"nonce\":\"short\",\"args\":{}}"};
        yield new FuzzMessage(topic, signRaw(bodies[r.nextInt(bodies.length)]), FuzzMessage.Target.CMD, "malformed");
      }
      case 5 -> { // signed for another board, sent to this one
        String body = "{\"v\":1,\"board\":\"other-" + r.nextInt(100) + "\",\"verb\":\"" + verb + "\",\"ts_ms\":" + now
            + ",\"nonce\":\"" + nonce(r) + "\",\"args\":{}}";
        yield new FuzzMessage(topic, signRaw(body), FuzzMessage.Target.CMD, "wrong_board");
      }
      case 6 -> { // signed for another verb than the topic's
        String other = verb.equals("arm") ? "disarm" : "arm";
        yield new FuzzMessage(topic, signer.sign(board, other, null, now, nonce(r)), FuzzMessage.Target.CMD, "wrong_verb");
      }
      case 7 -> // ten minutes old
          new FuzzMessage(topic, signer.sign(board, verb, args(r, verb), now - 600_000, nonce(r)), FuzzMessage.Target.CMD,
              "stale");
      default -> { // an accepted command sent again
        FuzzMessage old = new ArrayList<>(accepted).get(r.nextInt(accepted.size()));
        yield new FuzzMessage(old.topic(), old.payload(), FuzzMessage.Target.CMD, "replayed");
      }
    };
  }

  private byte[] signRaw(String body) {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    String sig = HexFormat.of().formatHex(key.hmac(b, 0, b.length));
    return (body + "\nhmac-sha256=" + sig).getBytes(StandardCharsets.UTF_8);
  }

  private static int indexOf(byte[] p, byte b) {
    for (int i = 0; i < p.length; i++) {
      if (p[i] == b) {
        return i;
      }
    }
    return p.length;
  }
}
