package io.ganglion.drivers;

/**
 * Something the user supplied (a CLI flag, a file, a config, a payload) cannot be used. The
 * message is one line that says what is wrong and how to fix it; the CLI exits with code 2.
 */
public class InvalidInputException extends GanglionException {

  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
