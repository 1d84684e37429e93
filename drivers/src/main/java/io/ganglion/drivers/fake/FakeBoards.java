package io.ganglion.drivers.fake;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.adc.Ads1115Config;
import io.ganglion.drivers.encoder.As5600Config;
import io.ganglion.drivers.gpio.EStopConfig;
import io.ganglion.drivers.gpio.StatusLedConfig;
import io.ganglion.drivers.i2c.I2cMuxChannel;
import io.ganglion.drivers.imu.Mpu6050Config;
import io.ganglion.drivers.servo.Pca9685Config;
import java.util.Collection;

/**
 * Builds a {@link FakeBoard} holding one fake per driver config, so that the same configs run on
 * the fakes ({@code ganglion run --mock}) as on the board. Every fake is registered under its
 * config's name ({@link FakeBoard#fake(String, Class)}). Muxes named in AS5600 configs are created
 * on first use. E-stop pins are driven to their released level (so a mock run can arm); status
 * LED pins are created.
 */
public final class FakeBoards {

  private FakeBoards() {}

  /**
   * A board with a fake for each of {@code configs}: {@link Pca9685Config}, {@link As5600Config},
   * {@link Mpu6050Config}, {@link Ads1115Config}, {@link EStopConfig}, {@link StatusLedConfig}.
   *
   * @throws InvalidInputException for another type, or two chips at one address
   */
  public static FakeBoard forDevices(NanoClock clock, Collection<?> configs) {
    FakeBoard board = new FakeBoard(clock);
    for (Object c : configs) {
      add(board, c);
    }
    return board;
  }

  /** Adds the fake for one driver config to {@code board} and returns it. */
  public static Object add(FakeBoard board, Object config) {
    if (config instanceof Pca9685Config) {
      Pca9685Config c = (Pca9685Config) config;
      return board.name(c.name(), board.i2c().attach(c.bus(), new FakePca9685(c.address())));
    }
    if (config instanceof As5600Config) {
      As5600Config c = (As5600Config) config;
      FakeAs5600 chip = new FakeAs5600(c.address());
      if (c.mux() == null) {
        board.i2c().attach(c.bus(), chip);
      } else {
        board.i2c().attachBehindMux(c.bus(), mux(board, c.bus(), c.mux()), c.mux().channel(), chip);
      }
      return board.name(c.name(), chip);
    }
    if (config instanceof Mpu6050Config) {
      Mpu6050Config c = (Mpu6050Config) config;
      return board.name(c.name(), board.addMpu6050(c.bus(), c.address()));
    }
    if (config instanceof Ads1115Config) {
      Ads1115Config c = (Ads1115Config) config;
      return board.name(c.name(), board.addAds1115(c.bus(), c.address()));
    }
    if (config instanceof EStopConfig) {
      EStopConfig c = (EStopConfig) config;
      FakeGpioPin pin = board.pin(c.pin());
      pin.drive(!c.activeHigh());
      return board.name(c.name(), pin);
    }
    if (config instanceof StatusLedConfig) {
      StatusLedConfig c = (StatusLedConfig) config;
      return board.name(c.name(), board.pin(c.pin()));
    }
    throw new InvalidInputException("fake board: no fake for " + (config == null ? "null" : config.getClass().getSimpleName()));
  }

  private static FakeTca9548a mux(FakeBoard board, int bus, I2cMuxChannel channel) {
    FakeI2CDevice existing = board.i2c().directDevice(bus, channel.address());
    if (existing instanceof FakeTca9548a) {
      return (FakeTca9548a) existing;
    }
    if (existing != null) {
      throw new InvalidInputException("fake board: address " + String.format("0x%02X", channel.address()) + " on bus "
          + bus + " is a " + existing.chip() + ", not a TCA9548A mux");
    }
    return board.addTca9548a(bus, channel.address());
  }
}
