package io.ganglion.drivers.fake;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputBase;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalOutputProvider;
import com.pi4j.io.gpio.digital.DigitalState;

/**
 * A Pi4J digital output driving a {@link FakeGpioPin}. As with every Pi4J output built on
 * {@code DigitalOutputBase} (gpiod's too), a state change allocates one
 * {@code DigitalStateChangeEvent} inside Pi4J; writing the same state again does not.
 */
public final class FakeDigitalOutput extends DigitalOutputBase {

  private final FakeGpioPin pin;

  FakeDigitalOutput(DigitalOutputProvider provider, DigitalOutputConfig config, FakeGpioPin pin) {
    super(provider, config);
    this.pin = pin;
  }

  /** The fake line behind this output. */
  public FakeGpioPin pin() {
    return pin;
  }

  @Override
  public DigitalOutput state(DigitalState state) {
    pin.write(state == DigitalState.HIGH);
    return super.state(state);
  }
}
