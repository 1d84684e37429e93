package io.ganglion.telemetry.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganglion.telemetry.protocol.StrictJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CommandAuthenticationTest {

  static final CommandKey KEY = CommandKey.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  static final long T0 = 1_700_000_000_000L;

  private final AtomicLong now = new AtomicLong(T0);
  private final CommandVerifier verifier = new CommandVerifier("b1", KEY, 30_000, 64, now::get);
  private final CommandSigner signer = new CommandSigner(KEY, now::get, new SecureRandom());

  private static ObjectNode setGain() {
    ObjectNode args = StrictJson.object();
    args.put("name", "gain");
    args.put("value", 0.5);
    return args;
  }

  private CommandRejection reject(String topic, byte[] payload) {
    CommandVerdict v = verifier.verify(topic, payload);
    assertTrue(!v.accepted(), "expected a rejection, got " + v);
    return v.rejection();
  }

  @Test
  void aValidCommandIsAcceptedWithItsArguments() {
    CommandVerdict v = verifier.verify("robots/b1/cmd/set", signer.sign("b1", "set", setGain()));
    assertTrue(v.accepted(), v.message());
    assertEquals("set", v.command().verb());
    assertEquals(0.5, v.command().argDouble("value", Double.NaN));
    assertEquals("gain", v.command().argText("name"));
    assertEquals(1, verifier.acceptedCount());
  }

  @Test
  void theDocumentedExampleHasTheDocumentedSignature() {
    byte[] p = signer.sign("b1", "arm", null, T0, "3f9a0c2e71b84d56");
    assertEquals(CommandExample.PAYLOAD, new String(p, StandardCharsets.UTF_8));
  }

  @Test
  void aTimestampHalfTheLongRangeAwayIsStaleNotFresh() {
    // now - ts_ms = 2^63 overflows to Long.MIN_VALUE, whose Math.abs is still negative (<= window)
    long tsMs = T0 + Long.MIN_VALUE;
    assertEquals(CommandRejection.STALE, reject("robots/b1/cmd/arm", signer.sign("b1", "arm", null, tsMs, "0123456789abcdef")));
    assertEquals(CommandRejection.STALE, reject("robots/b1/cmd/arm",
        signer.sign("b1", "arm", null, Long.MIN_VALUE, "0123456789abcdee")));
    assertEquals(CommandRejection.STALE, reject("robots/b1/cmd/arm",
        signer.sign("b1", "arm", null, Long.MAX_VALUE, "0123456789abcded")));
    assertEquals(0, verifier.acceptedCount());
  }

  @Test
  void staleAndFutureTimestampsAreRefused() {
    byte[] p = signer.sign("b1", "arm", null);
    now.addAndGet(30_001);
    assertEquals(CommandRejection.STALE, reject("robots/b1/cmd/arm", p));
    now.set(T0 - 30_001);
    assertEquals(CommandRejection.STALE, reject("robots/b1/cmd/arm", p));
    now.set(T0 + 29_000);
    assertTrue(verifier.verify("robots/b1/cmd/arm", p).accepted(), "inside the window it is fine");
    assertEquals(2, verifier.rejectedCount(CommandRejection.STALE));
  }

  @Test
  void aReplayWithinTheWindowIsRefusedAndTheNonceIsForgottenOnceStale() {
    byte[] p = signer.sign("b1", "disarm", null);
    assertTrue(verifier.verify("robots/b1/cmd/disarm", p).accepted());
    assertEquals(CommandRejection.REPLAYED, reject("robots/b1/cmd/disarm", p));
    now.addAndGet(20_000);
    assertEquals(CommandRejection.REPLAYED, reject("robots/b1/cmd/disarm", p));
    now.addAndGet(20_000);
    assertEquals(CommandRejection.STALE, reject("robots/b1/cmd/disarm", p), "once stale, staleness refuses it");
  }

  @Test
  void unsignedAndBadlySignedCommandsAreRefused() {
    byte[] p = signer.sign("b1", "arm", null);
    int newline = indexOf(p, (byte) '\n');
    assertEquals(CommandRejection.UNSIGNED, reject("robots/b1/cmd/arm", Arrays.copyOf(p, newline)));
    assertEquals(CommandRejection.UNSIGNED, reject("robots/b1/cmd/arm", Arrays.copyOf(p, newline + 1)));
    byte[] tampered = p.clone();
    tampered[newline - 3] ^= 1; // change the body after signing
    assertEquals(CommandRejection.BAD_SIGNATURE, reject("robots/b1/cmd/arm", tampered));
    byte[] otherKey = new CommandSigner(CommandKey.generate(new SecureRandom()), now::get, new SecureRandom())
        .sign("b1", "arm", null);
    assertEquals(CommandRejection.BAD_SIGNATURE, reject("robots/b1/cmd/arm", otherKey));
    byte[] garbageSig = (new String(Arrays.copyOf(p, newline), StandardCharsets.UTF_8) + "\nhmac-sha256=zz")
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(CommandRejection.BAD_SIGNATURE, reject("robots/b1/cmd/arm", garbageSig));
  }

  @Test
  void commandsForAnotherBoardOrVerbAreRefused() {
    assertEquals(CommandRejection.WRONG_BOARD, reject("robots/b2/cmd/arm", signer.sign("b2", "arm", null)));
    assertEquals(CommandRejection.WRONG_BOARD, reject("robots/b1/cmd/arm", signer.sign("b2", "arm", null)));
    assertEquals(CommandRejection.WRONG_VERB, reject("robots/b1/cmd/disarm", signer.sign("b1", "arm", null)));
    assertEquals(CommandRejection.MALFORMED, reject("robots/b1/status", signer.sign("b1", "arm", null)));
  }

  @Test
  void signedButMalformedBodiesAreRefused() {
    for (String body : new String[] {"[1]", "{\"v\":2,\"board\":\"b1\",\"verb\":\"arm\",\"ts_ms\":" + T0 + ",\"nonce\":\"abcdefgh\",\"args\":{}}",
        "{\"v\":1,\"board\":\"b1\",\"verb\":\"arm\",\"ts_ms\":" + T0 + ",\"nonce\":\"short\",\"args\":{}}",
        "{\"v\":1,\"board\":\"b1\",\"verb\":\"arm\",\"ts_ms\":" + T0 + ",\"nonce\":\"abcdefgh\",\"args\":[]}",
        "{\"v\":1,\"board\":\"b1\",\"verb\":\"arm\",\"ts_ms\":\"now\",\"nonce\":\"abcdefgh\",\"args\":{}}",
        "{\"v\":1,\"board\":\"b1\",\"verb\":\"arm\",\"ts_ms\":" + T0 + ",\"nonce\":\"abcdefgh\",\"args\":{},\"x\":1}"}) {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      byte[] p = CommandFormat.join(b, java.util.HexFormat.of().formatHex(KEY.hmac(b, 0, b.length)));
      assertEquals(CommandRejection.MALFORMED, reject("robots/b1/cmd/arm", p), body);
    }
  }

  @Test
  void retainedDeliveriesAreNeverExecuted() {
    CommandVerdict v = verifier.verify("robots/b1/cmd/arm", signer.sign("b1", "arm", null), true);
    assertEquals(CommandRejection.RETAINED, v.rejection());
  }

  @Test
  void aFullNonceCacheRefusesNewCommandsUntilNoncesExpire() {
    for (int i = 0; i < 64; i++) {
      assertTrue(verifier.verify("robots/b1/cmd/arm", signer.sign("b1", "arm", null)).accepted());
    }
    assertEquals(CommandRejection.NONCE_CACHE_FULL, reject("robots/b1/cmd/arm", signer.sign("b1", "arm", null)));
    now.addAndGet(30_002);
    assertTrue(verifier.verify("robots/b1/cmd/arm", signer.sign("b1", "arm", null)).accepted());
  }

  @Test
  void aTrailingNewlineIsTolerated() {
    byte[] p = signer.sign("b1", "arm", null);
    byte[] withNewline = Arrays.copyOf(p, p.length + 1);
    withNewline[p.length] = '\n';
    assertTrue(verifier.verify("robots/b1/cmd/arm", withNewline).accepted());
  }

  @Test
  void opensslComputesTheSameSignatureAsTheDocumentedShellRecipe() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
    byte[] p = signer.sign("b1", "arm", null, T0, "3f9a0c2e71b84d56");
    int newline = indexOf(p, (byte) '\n');
    Process proc = new ProcessBuilder("/usr/bin/openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:" + KEY.toHex())
        .redirectErrorStream(true).start();
    proc.getOutputStream().write(p, 0, newline);
    proc.getOutputStream().close();
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
    proc.waitFor(10, TimeUnit.SECONDS);
    String hex = out.substring(out.lastIndexOf(' ') + 1);
    assertEquals(new String(p, newline + 1 + CommandFormat.SIGNATURE_PREFIX.length(), 64, StandardCharsets.US_ASCII), hex, out);
  }

  @Test
  void keysAreValidatedAndNeverPrinted() {
    assertEquals("CommandKey[32 bytes]", KEY.toString());
    assertArrayEquals(KEY.hmac(new byte[] {1}, 0, 1), CommandKey.fromHex(KEY.toHex()).hmac(new byte[] {1}, 0, 1));
    assertNotEquals(KEY.toHex(), CommandKey.generate(new SecureRandom()).toHex());
    org.junit.jupiter.api.Assertions.assertThrows(io.ganglion.drivers.InvalidInputException.class, () -> CommandKey.fromHex("00ff"));
    org.junit.jupiter.api.Assertions.assertThrows(io.ganglion.drivers.InvalidInputException.class, () -> CommandKey.fromHex("xyz"));
    org.junit.jupiter.api.Assertions.assertThrows(io.ganglion.drivers.InvalidInputException.class,
        () -> CommandKey.fromEnvironment(java.util.Map.of()));
  }

  private static int indexOf(byte[] a, byte b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    return -1;
  }
}
