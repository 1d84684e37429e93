package io.ganglion.firmware.cli.support;

import picocli.CommandLine.Option;

/** {@code --json}: print the command's summary as one JSON object on stdout instead of text. */
public final class JsonOption {

  @Option(names = "--json", description = "Print the summary as a single JSON object on stdout (progress and logs go to stderr).")
  boolean json;

  public boolean enabled() {
    return json;
  }
}
