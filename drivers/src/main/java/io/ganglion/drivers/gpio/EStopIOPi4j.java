package io.ganglion.drivers.gpio;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.NanoClock;

/**
 * {@link EStopIO} on a Pi4J digital input (gpiod on a board), polled once per
 * {@link #updateInputs}, no listener thread.
 *
 * <p>Debounce: the state turns pressed after {@code pressSamples} consecutive active samples and
 * released after {@code releaseSamples} consecutive inactive ones. Fail-safe: it starts pressed,
 * and an unreadable sample (exception or {@code UNKNOWN}) makes it pressed at once, restarting
 * the release count.
 */
public final class EStopIOPi4j implements EStopIO, AutoCloseable {

  private final EStopConfig config;
  private final NanoClock clock;
  private final Context context;
  private final DigitalInput input;
  private boolean pressed = true;
  private int activeRun;
  private int inactiveRun;
  private long readErrorCount;
  private long pressCount;

  /** Opens the input in {@code context}; uses the system clock. */
  public EStopIOPi4j(Context context, EStopConfig config) {
    this(context, config, NanoClock.SYSTEM);
  }

  /**
   * Opens the input in {@code context} (never creates one).
   *
   * @throws InvalidInputException when Pi4J refuses the pin (in use, duplicate name, no provider)
   */
  public EStopIOPi4j(Context context, EStopConfig config, NanoClock clock) {
    this.config = config;
    this.clock = clock;
    this.context = context;
    String id = "estop-" + config.name();
    try {
      this.input = context.create(DigitalInput.newConfigBuilder(context).id(id).name(id)
          .address(config.pin()).pull(pull(config.pull())).build());
    } catch (RuntimeException e) {
      throw new InvalidInputException("cannot open e-stop '" + config.name() + "' on BCM " + config.pin()
          + ": " + e.getMessage() + " (is the pin used twice? on a laptop use --mock)", e);
    }
  }

  static PullResistance pull(Pull pull) {
    switch (pull) {
      case UP:
        return PullResistance.PULL_UP;
      case DOWN:
        return PullResistance.PULL_DOWN;
      default:
        return PullResistance.OFF;
    }
  }

  /** The configuration this driver was built with. */
  public EStopConfig config() {
    return config;
  }

  @Override
  public void updateInputs(EStopInputs inputs) {
    DigitalState state;
    try {
      state = input.state();
    } catch (RuntimeException e) {
      state = DigitalState.UNKNOWN;
    }
    boolean readable = state == DigitalState.HIGH || state == DigitalState.LOW;
    boolean active = readable && (state == DigitalState.HIGH) == config.activeHigh();
    if (!readable) {
      readErrorCount++;
      activeRun = 0;
      inactiveRun = 0;
      if (!pressed) {
        pressCount++;
      }
      pressed = true;
    } else if (active) {
      inactiveRun = 0;
      if (activeRun < Integer.MAX_VALUE) {
        activeRun++;
      }
      if (!pressed && activeRun >= config.pressSamples()) {
        pressed = true;
        pressCount++;
      }
    } else {
      activeRun = 0;
      if (inactiveRun < Integer.MAX_VALUE) {
        inactiveRun++;
      }
      if (pressed && inactiveRun >= config.releaseSamples()) {
        pressed = false;
      }
    }
    inputs.pressed = pressed;
    inputs.readable = readable;
    inputs.rawActive = active;
    inputs.faultFlags = readable ? 0 : DeviceFaults.UNREADABLE;
    inputs.readErrorCount = readErrorCount;
    inputs.pressCount = pressCount;
    inputs.timestampNanos = clock.nanoTime();
  }

  /** Releases the Pi4J input. */
  @Override
  public void close() {
    try {
      context.shutdown(input.id());
    } catch (RuntimeException ignored) {
      // best effort
    }
  }
}
