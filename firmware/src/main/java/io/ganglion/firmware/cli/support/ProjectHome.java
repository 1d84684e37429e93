package io.ganglion.firmware.cli.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The source tree the CLI was launched from ({@code ganglion.home}, set by the launcher script), for tools kept there. */
public final class ProjectHome {

  private ProjectHome() {}

  /** The project root, or the working directory when the launcher did not say. */
  public static Path root() {
    String home = System.getProperty("ganglion.home", System.getenv("GANGLION_HOME"));
    return home == null ? Path.of("").toAbsolutePath() : Path.of(home);
  }

  /** A file under the project root, or null when it is not there. */
  public static Path find(String relative) {
    Path p = root().resolve(relative);
    return Files.exists(p) ? p : null;
  }
}
