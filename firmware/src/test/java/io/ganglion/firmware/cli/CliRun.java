package io.ganglion.firmware.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs the ganglion CLI in-process and captures its exit code, stdout and stderr: what commands
 * print through picocli's writers and what reaches System.out/System.err.
 */
public final class CliRun {

  private static final Object LOCK = new Object();

  public final int code;
  public final String out;
  public final String err;

  public CliRun(String... args) {
    synchronized (LOCK) {
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
      this.out = picoOut + out.toString(StandardCharsets.UTF_8);
      this.err = picoErr + err.toString(StandardCharsets.UTF_8);
    }
  }

  /** Runs {@code args} and returns what happened. */
  public static CliRun of(String... args) {
    return new CliRun(args);
  }
}
