package io.ganglion.firmware.cli.support;

import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An output file written all or nothing: the content goes to a temporary file beside the target,
 * which replaces the target only on {@link #commit()}. A failed or interrupted command leaves no
 * half-written file (and an existing file at the target untouched).
 */
public final class OutputFile implements AutoCloseable {

  private final Path target;
  private final Path temp;
  private boolean committed;

  private OutputFile(Path target, Path temp) {
    this.target = target;
    this.temp = temp;
  }

  /**
   * Checks that {@code target} can be written (its directory exists and is writable, it is not a
   * directory) and creates the temporary file. Problems are input errors naming {@code option}.
   */
  public static OutputFile create(String option, Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    Path dir = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw new InvalidInputException(option + " " + target + " is a directory; give a file name");
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InvalidInputException(option + " " + target + ": directory " + dir + " does not exist; create it first");
    }
    if (!Files.isWritable(dir)) {
      throw new InvalidInputException(option + " " + target + ": directory " + dir + " is not writable");
    }
    if (Files.exists(absolute) && !Files.isWritable(absolute)) {
      throw new InvalidInputException(option + " " + target + " exists and is not writable");
    }
    try {
      Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".partial");
      return new OutputFile(absolute, temp);
    } catch (IOException e) {
      throw new InvalidInputException(option + " " + target + ": cannot create a file in " + dir + " (" + e.getMessage() + ")");
    }
  }

  /** The file to write the content to. */
  public Path temp() {
    return temp;
  }

  public Path target() {
    return target;
  }

  public OutputStream open() throws IOException {
    return Files.newOutputStream(temp);
  }

  /** Moves the finished content into place, readable like a file the user created (rw-r--r-- on POSIX). */
  public void commit() throws IOException {
    if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
    try {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
    committed = true;
  }

  /** Deletes the temporary file unless it was committed. */
  @Override
  public void close() {
    if (!committed) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // nothing more to do: the temp file has a .partial suffix and is hidden
      }
    }
  }
}
