package io.ganglion.firmware.law;

import io.ganglion.firmware.config.LawConfig;

/** Builds the law a board file names. */
public final class ControlLaws {

  private ControlLaws() {}

  /** The law of {@code config} ({@code ncap} or {@code drive}). */
  public static ControlLaw create(LawConfig config) {
    switch (config.name()) {
      case "ncap":
        return new NcapLaw(config.ncap());
      case "drive":
        return new DriveLaw(config.drive());
      default:
        throw new IllegalArgumentException("unknown law '" + config.name() + "'; use one of " + LawConfig.NAMES);
    }
  }
}
