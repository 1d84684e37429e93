package io.ganglion.firmware.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs the CLI in-process and captures what it prints: commands print their summaries to
 * System.out and their errors to System.err (and picocli's own messages to its writers).
 */
public final class CliRun {

  public final int code;
  public final String out;
  public final String err;

  public CliRun(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StringWriter picoOut = new StringWriter();
    StringWriter picoErr = new StringWriter();
    int c;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      CommandLine cmd = GanglionMain.commandLine();
      cmd.setOut(new PrintWriter(picoOut, true));
      cmd.setErr(new PrintWriter(picoErr, true));
      c = cmd.execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    this.code = c;
    this.out = out.toString(StandardCharsets.UTF_8) + picoOut;
    this.err = err.toString(StandardCharsets.UTF_8) + picoErr;
  }
}
