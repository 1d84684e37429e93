package io.ganglion.drivers.fake;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import io.ganglion.drivers.NanoClock;

/**
 * A whole fake robot board behind a real Pi4J {@link Context}: register-level fakes of the chips
 * on fake I2C buses and fake GPIO lines, served by {@link FakeI2CProvider},
 * {@link FakeDigitalInputProvider} and {@link FakeDigitalOutputProvider}. The {@code XxxIOPi4j}
 * drivers run on {@link #context()} unchanged; tests and {@code ganglion run --mock} move the
 * fakes' physical inputs and inject faults through the objects the {@code addXxx} methods return.
 *
 * <pre>{@code
 * FakeBoard board = new FakeBoard(clock);
 * FakePca9685 pwm = board.addPca9685(1, 0x40);
 * FakeAs5600 enc = board.addAs5600(1, board.addTca9548a(1, 0x70), 0);
 * ServoIO servos = new ServoIOPi4j(board.context(), pca9685Config, clock);
 * }</pre>
 *
 * <p>Chips may be added after the context was built. {@link #close()} shuts the context down.
 */
public final class FakeBoard implements AutoCloseable {

  private final NanoClock clock;
  private final FakeI2CNetwork i2c = new FakeI2CNetwork();
  private final FakeGpio gpio = new FakeGpio();
  private final java.util.Map<String, Object> byName = new java.util.LinkedHashMap<>();
  private Context context;

  /** A board whose time-dependent chips (ADS1115 conversions) follow the system clock. */
  public FakeBoard() {
    this(NanoClock.SYSTEM);
  }

  /** A board whose time-dependent chips follow {@code clock} (pass the loop's clock). */
  public FakeBoard(NanoClock clock) {
    this.clock = clock;
  }

  /** The clock the fakes use. */
  public NanoClock clock() {
    return clock;
  }

  /** The I2C wiring, for chips without an {@code addXxx} helper. */
  public FakeI2CNetwork i2c() {
    return i2c;
  }

  /** The GPIO lines. */
  public FakeGpio gpio() {
    return gpio;
  }

  /** The GPIO line {@code bcm} (e-stop input, status LED output). */
  public FakeGpioPin pin(int bcm) {
    return gpio.pin(bcm);
  }

  /** A PCA9685 on {@code bus} at {@code address}. */
  public FakePca9685 addPca9685(int bus, int address) {
    return i2c.attach(bus, new FakePca9685(address));
  }

  /** An AS5600 at 0x36 directly on {@code bus}. */
  public FakeAs5600 addAs5600(int bus) {
    return i2c.attach(bus, new FakeAs5600());
  }

  /** An AS5600 at 0x36 behind channel {@code channel} of {@code mux} on {@code bus}. */
  public FakeAs5600 addAs5600(int bus, FakeTca9548a mux, int channel) {
    return i2c.attachBehindMux(bus, mux, channel, new FakeAs5600());
  }

  /** An MPU-6050 on {@code bus} at {@code address} (0x68 or 0x69). */
  public FakeMpu6050 addMpu6050(int bus, int address) {
    return i2c.attach(bus, new FakeMpu6050(address));
  }

  /** An ADS1115 on {@code bus} at {@code address} (0x48..0x4B), converting on the board's clock. */
  public FakeAds1115 addAds1115(int bus, int address) {
    return i2c.attach(bus, new FakeAds1115(address, clock));
  }

  /** A TCA9548A mux on {@code bus} at {@code address}. */
  public FakeTca9548a addTca9548a(int bus, int address) {
    return i2c.attach(bus, new FakeTca9548a(address));
  }

  /** Remembers {@code fake} under the device name its driver config uses; returns it. */
  public synchronized <T> T name(String deviceName, T fake) {
    if (byName.putIfAbsent(deviceName, fake) != null) {
      throw new io.ganglion.drivers.InvalidInputException("fake board: device name '" + deviceName + "' is used twice");
    }
    return fake;
  }

  /** The fake registered under {@code deviceName} (see {@link #name}), or null. */
  public synchronized <T> T fake(String deviceName, Class<T> type) {
    Object f = byName.get(deviceName);
    return type.isInstance(f) ? type.cast(f) : null;
  }

  /** Device names registered with {@link #name}, in order. */
  public synchronized java.util.Set<String> names() {
    return java.util.Set.copyOf(byName.keySet());
  }

  /**
   * Builds the Pi4J context on first call: no auto-detection, only the three fake providers (Pi4J
   * allows one provider per I/O type).
   */
  public synchronized Context context() {
    if (context == null) {
      context = Pi4J.newContextBuilder()
          .noAutoDetect()
          .add(new FakeI2CProvider(i2c), new FakeDigitalInputProvider(gpio), new FakeDigitalOutputProvider(gpio))
          .build();
    }
    return context;
  }

  /** Shuts the Pi4J context down (closing every I/O created in it). */
  @Override
  public synchronized void close() {
    if (context != null) {
      context.shutdown();
      context = null;
    }
  }
}
