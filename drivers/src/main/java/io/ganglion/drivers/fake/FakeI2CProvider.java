package io.ganglion.drivers.fake;

import com.pi4j.io.i2c.I2C;
import com.pi4j.io.i2c.I2CConfig;
import com.pi4j.io.i2c.I2CProviderBase;
import java.util.HashMap;
import java.util.Map;

/**
 * A Pi4J I2C provider whose buses are a {@link FakeI2CNetwork}: add it to a context built with
 * {@code Pi4J.newContextBuilder().noAutoDetect().add(new FakeI2CProvider(network))} and every
 * {@code context.create(I2CConfig)} returns a {@link FakeI2C} talking to the fakes. Pi4J's own
 * mock I2C only echoes bytes; this one behaves like the chips.
 */
public final class FakeI2CProvider extends I2CProviderBase {

  /** The provider id in the Pi4J context. */
  public static final String ID = "ganglion-fake-i2c";

  private final FakeI2CNetwork network;
  private final Map<Integer, FakeI2CBus> buses = new HashMap<>();

  public FakeI2CProvider(FakeI2CNetwork network) {
    super(ID, "Ganglion fake I2C provider");
    this.network = network;
  }

  /** The wiring this provider routes to. */
  public FakeI2CNetwork network() {
    return network;
  }

  @Override
  public synchronized I2C create(I2CConfig config) {
    if (config.bus() == null || config.device() == null) {
      throw new com.pi4j.io.exception.IOException("fake I2C: bus and device must be set in the I2C config");
    }
    FakeI2CBus bus = buses.computeIfAbsent(config.bus(), b -> new FakeI2CBus(config, network.segment(b)));
    FakeI2C i2c = new FakeI2C(this, config, bus);
    context.registry().add(i2c);
    return i2c;
  }
}
