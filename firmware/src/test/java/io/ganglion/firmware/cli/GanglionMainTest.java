package io.ganglion.firmware.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class GanglionMainTest {

  private static final class Run {
    final int code;
    final String out;
    final String err;

    Run(String... args) {
      CommandLine cmd = GanglionMain.commandLine();
      StringWriter o = new StringWriter();
      StringWriter e = new StringWriter();
      cmd.setOut(new PrintWriter(o));
      cmd.setErr(new PrintWriter(e));
      code = cmd.execute(args);
      out = o.toString();
      err = e.toString();
    }
  }

  @Test
  void helpListsUsageAndExitsZero() {
    Run r = new Run("--help");
    assertEquals(0, r.code);
    assertTrue(r.out.contains("Usage: ganglion"), r.out);
  }

  @Test
  void versionPrintsVersionAndRevision() {
    Run r = new Run("--version");
    assertEquals(0, r.code);
    assertTrue(r.out.matches("(?s)ganglion \\d+\\.\\d+\\.\\d+ \\(git [0-9a-f]{7,}.*"), r.out);
  }

  @Test
  void unknownFlagExitsTwoWithOneLine() {
    Run r = new Run("--no-such-flag");
    assertEquals(2, r.code);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains("Unknown option: '--no-such-flag'"), r.err);
  }

  @Test
  void missingCommandIsAUsageError() {
    Run r = new Run();
    assertEquals(2, r.code);
    assertTrue(r.err.contains("missing command"), r.err);
  }
}
