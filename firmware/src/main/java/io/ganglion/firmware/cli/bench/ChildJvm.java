package io.ganglion.firmware.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a command (a child JVM of this CLI) that writes one JSON object to the file named by
 * {@link #RESULT_ENV} in its environment, and parses it. Not stdout: the JVM options a child
 * inherits may log there ({@code -Xlog:gc}, {@code -verbose:gc}, VM start-up errors).
 */
final class ChildJvm {

  /** How the CLI starts an error line (its exit code 2 means bad input or flags). */
  private static final String ERROR_PREFIX = "ganglion: ";
  /** Names the file a child writes its JSON result to. */
  static final String RESULT_ENV = "GANGLION_BENCH_RESULT";
  /** A line of a Java stack trace below its message. */
  private static final java.util.regex.Pattern STACK_LINE =
      java.util.regex.Pattern.compile("\\s+(at |\\.\\.\\. \\d+ )");

  private ChildJvm() {}

  /**
   * The JSON object {@code command} writes to the file named by {@link #RESULT_ENV}, run with
   * {@code childMarker}=1 in its environment (so it knows not to start children of its own); its
   * output is shown only when it fails: its error line as an {@link InvalidInputException} when it
   * exits with 2 (bad input), else as an internal error with the last line of its stderr (or of
   * its stdout, where the JVM prints start-up errors) that is not a stack frame.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> runJson(List<String> command, String childMarker, String what) {
    Path errors = null;
    Path result = null;
    try {
      errors = Files.createTempFile("ganglion-bench-child-", ".err");
      result = Files.createTempFile("ganglion-bench-child-", ".json");
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
      builder.environment().put(childMarker, "1");
      builder.environment().put(RESULT_ENV, result.toString());
      Process p = builder.start();
      Thread killer = new Thread(p::destroyForcibly, "ganglion-bench-child-killer");
      Runtime.getRuntime().addShutdownHook(killer); // Ctrl-C or a CI timeout: no orphaned child
      byte[] out;
      int exit;
      try {
        p.getOutputStream().close();
        out = p.getInputStream().readAllBytes();
        exit = p.waitFor();
      } finally {
        p.destroyForcibly();
        try {
          Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
          // the hook runs anyway
        }
      }
      String err = Files.readString(errors, StandardCharsets.UTF_8);
      if (exit != 0) {
        String last = lastMessage(err);
        if (exit == 2 && last.startsWith(ERROR_PREFIX)) {
          // bad input the child found (a malformed recording): the user's error, said once
          throw new InvalidInputException(last.substring(ERROR_PREFIX.length()));
        }
        if (last.isEmpty()) {
          last = lastMessage(new String(out, StandardCharsets.UTF_8));
        }
        throw new IllegalStateException(what + " failed (exit " + exit + ")" + (last.isEmpty() ? "" : ": " + last));
      }
      if (Files.size(result) == 0) {
        String last = lastMessage(err);
        throw new IllegalStateException(what + " exited without writing its result" + (last.isEmpty() ? "" : ": " + last));
      }
      return new ObjectMapper().readValue(result.toFile(), Map.class);
    } catch (IOException e) {
      throw new IllegalStateException(what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    } finally {
      deleteQuietly(errors);
      deleteQuietly(result);
    }
  }

  /** The last non-blank line of {@code text} that is not a stack frame ("at ...", "... 3 more"), or "". */
  static String lastMessage(String text) {
    String found = "";
    for (String line : text.split("\\R")) {
      if (!line.isBlank() && !STACK_LINE.matcher(line).lookingAt()) {
        found = line.strip();
      }
    }
    return found;
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file left behind is harmless
      }
    }
  }
}
