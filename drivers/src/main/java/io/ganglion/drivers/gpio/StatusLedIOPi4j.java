package io.ganglion.drivers.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.InvalidInputException;

/**
 * {@link StatusLedIO} on a Pi4J digital output (gpiod on a board). The pin is written only when
 * the pattern's state changes; a failed write is retried on the next {@link #apply}. Pi4J
 * allocates one {@code DigitalStateChangeEvent} per state change inside
 * {@code DigitalOutputBase.state} (two per blink period); a steady pattern allocates nothing.
 */
public final class StatusLedIOPi4j implements StatusLedIO, AutoCloseable {

  private final StatusLedConfig config;
  private final Context context;
  private final DigitalOutput output;
  private LedPattern pattern = LedPattern.OFF;
  private boolean restart = true;
  private long startNanos;
  private boolean on;
  private boolean written;
  private boolean connected = true;
  private long writeErrorCount;
  private long writeCount;

  /**
   * Opens the output in {@code context} (never creates one), initially off; Pi4J turns it off
   * again at context shutdown.
   *
   * @throws InvalidInputException when Pi4J refuses the pin (in use, duplicate name, no provider)
   */
  public StatusLedIOPi4j(Context context, StatusLedConfig config) {
    this.config = config;
    this.context = context;
    String id = "led-" + config.name();
    DigitalState off = config.activeHigh() ? DigitalState.LOW : DigitalState.HIGH;
    try {
      this.output = context.create(DigitalOutput.newConfigBuilder(context).id(id).name(id)
          .address(config.pin()).initial(off).shutdown(off).build());
    } catch (RuntimeException e) {
      throw new InvalidInputException("cannot open status LED '" + config.name() + "' on BCM " + config.pin()
          + ": " + e.getMessage() + " (is the pin used twice? on a laptop use --mock)", e);
    }
  }

  /** The configuration this driver was built with. */
  public StatusLedConfig config() {
    return config;
  }

  @Override
  public void setPattern(LedPattern pattern) {
    if (pattern != null && pattern != this.pattern) {
      this.pattern = pattern;
      restart = true;
    }
  }

  @Override
  public void apply(long nowNanos) {
    if (restart) {
      startNanos = nowNanos;
      restart = false;
    }
    boolean want = pattern.isOn(nowNanos - startNanos);
    if (written && want == on) {
      return;
    }
    try {
      output.state(want == config.activeHigh() ? DigitalState.HIGH : DigitalState.LOW);
      on = want;
      written = true;
      connected = true;
      writeCount++;
    } catch (RuntimeException e) {
      written = false;
      connected = false;
      writeErrorCount++;
    }
  }

  @Override
  public void updateInputs(StatusLedInputs inputs) {
    inputs.on = on;
    inputs.connected = connected;
    inputs.faultFlags = connected ? 0 : DeviceFaults.BUS_ERROR;
    inputs.writeErrorCount = writeErrorCount;
    inputs.writeCount = writeCount;
  }

  /** Releases the Pi4J output (its shutdown state is off). */
  @Override
  public void close() {
    try {
      context.shutdown(output.id());
    } catch (RuntimeException ignored) {
      // best effort
    }
  }
}
