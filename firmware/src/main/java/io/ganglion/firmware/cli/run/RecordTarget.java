package io.ganglion.firmware.cli.run;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.ticklog.TickLogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks {@code ganglion run --record FILE} before anything is opened: the directory exists and is
 * writable, FILE is not a directory, not the board file, and, when it exists, is a tick log (an
 * earlier recording, replaced) or empty; any other existing file is kept unless {@code --force}.
 * Problems are input errors (exit 2) with one line.
 */
final class RecordTarget {

  private RecordTarget() {}

  static void check(Path record, Path config, boolean force) {
    Path absolute = record.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw new InvalidInputException("--record " + record + " is a directory; give a file name");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InvalidInputException("--record " + record + ": directory " + dir + " does not exist; create it first");
    }
    if (sameFile(absolute, config)) {
      throw new InvalidInputException("--record " + record + " is the board file given with --config; record into"
          + " another file (e.g. run.tlog)");
    }
    if (!Files.exists(absolute)) {
      if (!Files.isWritable(dir)) {
        throw new InvalidInputException("--record " + record + ": directory " + dir + " is not writable");
      }
      return;
    }
    if (!Files.isRegularFile(absolute)) {
      throw new InvalidInputException("--record " + record + " exists and is not a regular file; give a file name");
    }
    if (!Files.isWritable(absolute)) {
      throw new InvalidInputException("--record " + record + " exists and is not writable");
    }
    if (!force && size(absolute) > 0 && !TickLogs.isTickLog(absolute)) {
      throw new InvalidInputException("--record " + record + " exists and is not a tick log; give a new file name, or"
          + " --force to overwrite it");
    }
  }

  private static boolean sameFile(Path absolute, Path config) {
    if (config == null) {
      return false;
    }
    Path other = config.toAbsolutePath().normalize();
    if (absolute.equals(other)) {
      return true;
    }
    try {
      return Files.exists(absolute) && Files.exists(other) && Files.isSameFile(absolute, other);
    } catch (IOException e) {
      return false;
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new InvalidInputException("--record " + file + ": cannot read its size (" + e.getMessage() + ")");
    }
  }
}
