package io.ganglion.sim.io;

import io.ganglion.drivers.gpio.LedPattern;
import io.ganglion.drivers.gpio.StatusLedIO;
import io.ganglion.drivers.gpio.StatusLedInputs;

/** A simulated status LED: follows its pattern like the GPIO driver and counts its changes. */
public final class StatusLedIOSim implements StatusLedIO {

  private LedPattern pattern = LedPattern.OFF;
  private boolean restart = true;
  private long startNanos;
  private boolean on;
  private long writeCount;

  @Override
  public void setPattern(LedPattern p) {
    if (p != null && p != pattern) {
      pattern = p;
      restart = true;
    }
  }

  /** The current pattern. */
  public LedPattern pattern() {
    return pattern;
  }

  @Override
  public void apply(long nowNanos) {
    if (restart) {
      startNanos = nowNanos;
      restart = false;
    }
    boolean want = pattern.isOn(nowNanos - startNanos);
    if (want != on) {
      on = want;
      writeCount++;
    }
  }

  @Override
  public void updateInputs(StatusLedInputs inputs) {
    inputs.on = on;
    inputs.connected = true;
    inputs.faultFlags = 0;
    inputs.writeCount = writeCount;
    inputs.writeErrorCount = 0;
  }
}
