package io.ganglion.firmware.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --verbose}: print stack traces with errors. Inherited by every subcommand. */
public final class VerboseOption {

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
  boolean verbose;
}
