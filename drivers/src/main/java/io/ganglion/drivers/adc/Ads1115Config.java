package io.ganglion.drivers.adc;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.i2c.I2cChecks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An ADS1115 ADC.
 *
 * @param name unique device name (Pi4J id "ads1115-NAME")
 * @param bus Linux I2C bus number
 * @param address 0x48..0x4B (ADDR tied to GND, VDD, SDA, SCL)
 * @param dataRateSps 8, 16, 32, 64, 128, 250, 475 or 860 samples/s (one conversion takes 1/rate)
 * @param continuous continuous conversion (only with a single channel); otherwise single-shot
 *     conversions scan the channels round-robin, one conversion in flight at a time
 * @param channels 1..8 inputs, distinct names
 */
public record Ads1115Config(String name, int bus, int address, int dataRateSps, boolean continuous,
    List<Ads1115ChannelConfig> channels) {

  public Ads1115Config {
    I2cChecks.name("ADS1115", name);
    String what = "ADS1115 '" + name + "'";
    I2cChecks.bus(what, bus);
    I2cChecks.address(what, address, 0x48, 0x4B);
    if (Ads1115Registers.drBits(dataRateSps) < 0) {
      throw new InvalidInputException(what + ": dataRateSps " + dataRateSps
          + " must be one of 8, 16, 32, 64, 128, 250, 475, 860");
    }
    if (channels == null || channels.isEmpty() || channels.size() > 8) {
      throw new InvalidInputException(what + ": list 1..8 channels (got " + (channels == null ? "none" : channels.size()) + ")");
    }
    if (continuous && channels.size() != 1) {
      throw new InvalidInputException(what + ": continuous mode converts one input; list exactly one channel or set continuous: false");
    }
    channels = List.copyOf(channels);
    Set<String> names = new HashSet<>();
    for (Ads1115ChannelConfig c : channels) {
      if (!names.add(c.name())) {
        throw new InvalidInputException(what + ": channel name '" + c.name() + "' is used twice");
      }
    }
  }

  /** One conversion's nominal duration: 1e9 / dataRateSps nanoseconds. */
  public long conversionNanos() {
    return 1_000_000_000L / dataRateSps;
  }
}
