package io.ganglion.firmware.cli.support;

import io.ganglion.drivers.InvalidInputException;

/** {@code --give-up-s} of both HIL sides ({@code hil serve}, {@code run --io hil}): checked and in nanoseconds. */
public final class GiveUpOption {

  private GiveUpOption() {}

  /** {@code giveUpS} (0..1e7 s, 0 = wait until Ctrl-C) in nanoseconds; an input error naming the option otherwise. */
  public static long nanos(double giveUpS) {
    if (!(giveUpS >= 0 && giveUpS <= 1e7)) {
      throw new InvalidInputException("--give-up-s must be a number of seconds in 0..1e7 (0 = wait until Ctrl-C), got " + giveUpS);
    }
    return Math.round(giveUpS * 1e9);
  }
}
