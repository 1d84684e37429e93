package io.ganglion.firmware.config;

import io.ganglion.drivers.InvalidInputException;
import java.nio.file.Path;
import java.util.List;

/**
 * A board configuration file has one or more mistakes. {@link #errors()} lists them, one line
 * each, as {@code field.path: problem}; the message is those lines prefixed with the file name,
 * one per line. The CLI prints them and exits 2.
 */
public final class BoardConfigException extends InvalidInputException {

  private static final long serialVersionUID = 1L;

  private final transient Path source;
  private final List<String> errors;

  public BoardConfigException(Path source, List<String> errors) {
    super(format(source, errors));
    this.source = source;
    this.errors = List.copyOf(errors);
  }

  private static String format(Path source, List<String> errors) {
    String prefix = source == null ? "" : source + ": ";
    StringBuilder b = new StringBuilder();
    for (String e : errors) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append(prefix).append(e);
    }
    return b.toString();
  }

  /** The file, or null for text not read from a file. */
  public Path source() {
    return source;
  }

  /** One line per mistake, {@code field.path: problem}. */
  public List<String> errors() {
    return errors;
  }
}
