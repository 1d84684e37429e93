package io.ganglion.drivers.fake;

import com.pi4j.io.gpio.digital.DigitalInputBase;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProvider;
import com.pi4j.io.gpio.digital.DigitalState;

/** A Pi4J digital input reading a {@link FakeGpioPin}; {@link #state()} allocates nothing. */
public final class FakeDigitalInput extends DigitalInputBase {

  private final FakeGpioPin pin;

  FakeDigitalInput(DigitalInputProvider provider, DigitalInputConfig config, FakeGpioPin pin) {
    super(provider, config);
    this.pin = pin;
    pin.configurePull(config.pull());
  }

  /** The fake line behind this input. */
  public FakeGpioPin pin() {
    return pin;
  }

  @Override
  public DigitalState state() {
    int level = pin.read();
    return level < 0 ? DigitalState.UNKNOWN : level == 1 ? DigitalState.HIGH : DigitalState.LOW;
  }
}
