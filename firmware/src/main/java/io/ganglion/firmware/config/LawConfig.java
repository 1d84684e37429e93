package io.ganglion.firmware.config;

import io.ganglion.controllers.ncap.NcapConfig;
import java.nio.file.Path;

/**
 * The control law and its parameters: exactly one of {@link #ncap()} and {@link #drive()} is set,
 * by {@link #name()}.
 *
 * @param name {@code ncap} or {@code drive}
 * @param paramsFile the parameter file it was read from (resolved), or null for inline or defaults
 * @param ncap the NCAP circuit for the board's joints (name {@code ncap})
 * @param drive the drive law's parameters (name {@code drive})
 */
public record LawConfig(String name, Path paramsFile, NcapConfig ncap, DriveParams drive) {

  /** The laws a board can run. */
  public static final java.util.List<String> NAMES = java.util.List.of("ncap", "drive");
}
