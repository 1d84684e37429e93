package io.ganglion.drivers.fake;

import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalInputConfig;
import com.pi4j.io.gpio.digital.DigitalInputProviderBase;

/** Pi4J digital-input provider over {@link FakeGpio}: the pin's BCM number is the config address. */
public final class FakeDigitalInputProvider extends DigitalInputProviderBase {

  /** The provider id in the Pi4J context. */
  public static final String ID = "ganglion-fake-digital-input";

  private final FakeGpio gpio;

  public FakeDigitalInputProvider(FakeGpio gpio) {
    super(ID, "Ganglion fake digital input provider");
    this.gpio = gpio;
  }

  @Override
  public DigitalInput create(DigitalInputConfig config) {
    FakeDigitalInput input = new FakeDigitalInput(this, config, gpio.pin(config.address()));
    context.registry().add(input);
    return input;
  }
}
