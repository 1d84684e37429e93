package io.ganglion.firmware.cli;

import io.ganglion.drivers.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Entry point of the {@code ganglion} command. Exit codes: 0 ok, 2 usage or input error (one line
 * on stderr, no stack trace unless {@code --verbose}), 1 runtime failure.
 */
public final class GanglionMain {

  /** Exit code for success. */
  public static final int EXIT_OK = 0;
  /** Exit code for a runtime failure. */
  public static final int EXIT_FAILURE = 1;
  /** Exit code for a usage or input error. */
  public static final int EXIT_USAGE = 2;

  private GanglionMain() {}

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    int code = run(args);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** Runs the CLI with {@code args} and returns the exit code (used by tests too). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured picocli command line: subcommands, error handlers and exit codes. */
  public static CommandLine commandLine() {
    CommandLine cmd = new CommandLine(new GanglionCommand());
    cmd.setParameterExceptionHandler(USAGE_ERRORS);
    cmd.setExecutionExceptionHandler(FAILURES);
    cmd.setExitCodeExceptionMapper(
        e -> e instanceof InvalidInputException ? EXIT_USAGE : EXIT_FAILURE);
    tidyHelp(cmd);
    return cmd;
  }

  private static final java.util.regex.Pattern SENTENCE_END =
      java.util.regex.Pattern.compile("(?<!\\b(?:e\\.g|i\\.e|etc|vs))\\.\\s");

  /**
   * Descriptions are written as arrays of source lines; picocli would keep those line breaks. Each
   * command's lines become one paragraph that picocli wraps to the terminal, and its first sentence
   * becomes the header shown in its parent's command list (the rest stays the description).
   */
  private static void tidyHelp(CommandLine cmd) {
    picocli.CommandLine.Model.UsageMessageSpec usage = cmd.getCommandSpec().usageMessage();
    String[] lines = usage.description();
    if (lines.length > 0 && usage.header().length == 0 && cmd.getParent() != null) {
      String text = String.join(" ", lines).replaceAll("\\s+", " ").strip();
      java.util.regex.Matcher end = SENTENCE_END.matcher(text);
      if (end.find()) {
        usage.header(text.substring(0, end.start() + 1));
        usage.description(text.substring(end.end()).strip());
      } else {
        usage.header(text);
        usage.description(new String[0]);
      }
    }
    cmd.getSubcommands().values().forEach(GanglionMain::tidyHelp);
  }

  /**
   * True when {@code --verbose} was given anywhere on the command line: before the subcommand or
   * after it (the option is inherited, so picocli records it on whichever command matched it).
   */
  static boolean verbose(ParseResult parseResult) {
    for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static final IParameterExceptionHandler USAGE_ERRORS =
      (ParameterException e, String[] args) -> {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("ganglion: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        if (args != null && java.util.Arrays.asList(args).contains("--verbose")) {
          e.printStackTrace(err);
        }
        err.flush();
        return EXIT_USAGE;
      };

  private static final IExecutionExceptionHandler FAILURES =
      (Exception e, CommandLine cmd, ParseResult parseResult) -> {
        PrintWriter err = cmd.getErr();
        if (e instanceof InvalidInputException) {
          err.println("ganglion: " + e.getMessage());
        } else if (e instanceof io.ganglion.drivers.GanglionException) {
          err.println("ganglion: failed: " + e.getMessage());
        } else {
          err.println("ganglion: internal error: " + e + (verbose(parseResult) ? "" : " (rerun with --verbose for the stack trace)"));
        }
        if (verbose(parseResult)) {
          e.printStackTrace(err);
        }
        err.flush();
        return e instanceof InvalidInputException ? EXIT_USAGE : EXIT_FAILURE;
      };
}
