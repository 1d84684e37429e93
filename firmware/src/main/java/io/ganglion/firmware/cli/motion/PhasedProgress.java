package io.ganglion.firmware.cli.motion;

import io.ganglion.firmware.cli.support.Progress;

/** A {@link Progress} bar per phase ("sampling", "training", ...): a new bar whenever the phase changes. */
final class PhasedProgress implements AutoCloseable {

  private String phase;
  private Progress bar;

  /** Reports {@code done} of {@code total} in {@code name}. */
  void update(String name, long done, long total) {
    if (!name.equals(phase)) {
      close();
      phase = name;
      bar = new Progress(name, total, name.equals("sampling") || name.contains("movies") ? "movies" : "samples", true);
    }
    bar.update(done);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
