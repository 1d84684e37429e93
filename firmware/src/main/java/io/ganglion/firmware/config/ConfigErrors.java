package io.ganglion.firmware.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem found in a board configuration, each as {@code field.path: what is wrong
 * and what is allowed}, so that a user sees all of them at once.
 */
public final class ConfigErrors {

  private final List<String> lines = new ArrayList<>();

  /** Records a problem at {@code path} (e.g. {@code joints[2].channel}); an empty path means the file. */
  public void add(String path, String message) {
    lines.add(path == null || path.isEmpty() ? message : path + ": " + message);
  }

  /** Whether nothing was recorded. */
  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** The problems in the order found. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** Throws a {@link BoardConfigException} listing every problem, if there is any. */
  public void throwIfAny(Path source) {
    if (!lines.isEmpty()) {
      throw new BoardConfigException(source, lines);
    }
  }
}
