package io.ganglion.firmware.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a command (a child JVM of this CLI) that prints one JSON object, and parses it. */
final class ChildJvm {

  /** How the CLI starts an error line (its exit code 2 means bad input or flags). */
  private static final String ERROR_PREFIX = "ganglion: ";

  private ChildJvm() {}

  /**
   * The JSON object {@code command} prints on stdout, run with {@code childMarker}=1 in its
   * environment (so it knows not to start children of its own); its stderr is shown only when it
   * fails: its error line as an {@link InvalidInputException} when it exits with 2 (bad input),
   * else as an internal error.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> runJson(List<String> command, String childMarker, String what) {
    Path errors = null;
    try {
      errors = Files.createTempFile("ganglion-bench-child-", ".err");
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
      builder.environment().put(childMarker, "1");
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
      if (exit != 0) {
        String err = Files.readString(errors, StandardCharsets.UTF_8).strip();
        String last = err.isEmpty() ? "" : err.substring(err.lastIndexOf('\n') + 1);
        if (exit == 2 && last.startsWith(ERROR_PREFIX)) {
          // bad input the child found (a malformed recording): the user's error, said once
          throw new InvalidInputException(last.substring(ERROR_PREFIX.length()));
        }
        throw new IllegalStateException(what + " failed (exit " + exit + ")" + (last.isEmpty() ? "" : ": " + last));
      }
      return new ObjectMapper().readValue(out, Map.class);
    } catch (IOException e) {
      throw new IllegalStateException(what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " interrupted", e);
    } finally {
      if (errors != null) {
        try {
          Files.deleteIfExists(errors);
        } catch (IOException ignored) {
          // a temp file left behind is harmless
        }
      }
    }
  }
}
