package io.ganglion.firmware.cli.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ganglion hil serve}: option mistakes are refused (exit 2, one line) before any broker is contacted. */
class HilServeOptionsTest {

  private static final String[] SERVE = {"hil", "serve", "--broker", "tcp://127.0.0.1:1", "--session", "s1"};

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--give-up-s=NaN          | --give-up-s must be a number of seconds in 0..1e7",
      "--give-up-s=Infinity     | --give-up-s must be a number of seconds in 0..1e7",
      "--give-up-s=-1           | --give-up-s must be a number of seconds in 0..1e7",
      "--retransmit-ms=0        | --retransmit-ms must be within 1..3600000 (1 hour), got 0",
      "--link-timeout-ms=50     | --link-timeout-ms must be >= --retransmit-ms (100), got 50",
      "--link-timeout-ms=9223372036854 | --link-timeout-ms must be at most 86400000 (1 day), got 9223372036854"})
  void badTimingsAreRefusedNamingTheOptionAndItsValue(String flag, String message) {
    CliRun r = CliRun.of(concat(SERVE, flag));
    assertEquals(2, r.code, r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains(message), r.err);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "navigate | --links=9                     | --links applies to --world swimmer only",
      "navigate | --random-init                 | --random-init applies to --world swimmer only",
      "navigate | --seed=3                      | --seed applies to --world swimmer only",
      "swimmer  | --config=examples/diffdrive.yaml | --config applies to --world navigate only"})
  void anOptionOfTheOtherWorldIsRefusedInsteadOfIgnored(String world, String flag, String message) {
    CliRun r = CliRun.of(concat(SERVE, "--world", world, flag));
    assertEquals(2, r.code, r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains(message), r.err);
  }

  @Test
  void csvWithTheNavigateWorldIsRefusedAndNoFileIsWritten() throws Exception {
    Path csv = dir.resolve("nav.csv");
    CliRun r = CliRun.of(concat(SERVE, "--world", "navigate", "--csv", csv.toString()));
    assertEquals(2, r.code, r.err);
    assertTrue(r.err.contains("--csv applies to --world swimmer only"), r.err);
    assertFalse(Files.exists(csv));
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
