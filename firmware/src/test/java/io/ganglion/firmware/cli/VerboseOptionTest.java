package io.ganglion.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --verbose} works before the subcommand and after it (it is inherited by every subcommand). */
class VerboseOptionTest {

  @TempDir
  Path dir;

  @Test
  void verboseBeforeOrAfterTheSubcommandPrintsTheStackTrace() {
    String missing = dir.resolve("missing.yaml").toString();
    CliRun quiet = CliRun.of("config", "check", missing);
    assertEquals(2, quiet.code);
    assertEquals(1, quiet.err.strip().lines().count(), quiet.err);
    for (String[] args : new String[][] {
        {"--verbose", "config", "check", missing},
        {"config", "--verbose", "check", missing},
        {"config", "check", "--verbose", missing},
        {"config", "check", missing, "--verbose"}}) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code, String.join(" ", args));
      assertTrue(r.err.startsWith("ganglion: config file "), r.err);
      assertTrue(r.err.contains("\tat io.ganglion."), "stack trace with " + String.join(" ", args) + ": " + r.err);
    }
  }

  @Test
  void runAndSimSwimmerAcceptVerboseAfterTheSubcommand() {
    for (String[] args : new String[][] {
        {"run", "--verbose", "--config", "board.yaml"},
        {"sim", "swimmer", "--verbose"},
        {"sim", "navigate", "--verbose"}}) {
      var parsed = GanglionMain.commandLine().parseArgs(args);
      assertTrue(GanglionMain.verbose(parsed), String.join(" ", args));
    }
    assertFalse(GanglionMain.verbose(GanglionMain.commandLine().parseArgs("sim", "swimmer")));
  }
}
