package io.ganglion.drivers.fake;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalOutputProviderBase;

/** Pi4J digital-output provider over {@link FakeGpio}: the pin's BCM number is the config address. */
public final class FakeDigitalOutputProvider extends DigitalOutputProviderBase {

  /** The provider id in the Pi4J context. */
  public static final String ID = "ganglion-fake-digital-output";

  private final FakeGpio gpio;

  public FakeDigitalOutputProvider(FakeGpio gpio) {
    super(ID, "Ganglion fake digital output provider");
    this.gpio = gpio;
  }

  @Override
  public DigitalOutput create(DigitalOutputConfig config) {
    FakeDigitalOutput output = new FakeDigitalOutput(this, config, gpio.pin(config.address()));
    context.registry().add(output);
    return output;
  }
}
