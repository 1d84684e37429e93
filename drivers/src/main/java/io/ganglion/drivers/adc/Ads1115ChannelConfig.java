package io.ganglion.drivers.adc;

import io.ganglion.drivers.InvalidInputException;

/**
 * One measured ADS1115 input.
 *
 * @param name what it measures ("battery", "pressure")
 * @param input the MUX setting (single-ended AINx or a differential pair)
 * @param fullScaleV the PGA range: 6.144, 4.096, 2.048, 1.024, 0.512 or 0.256 V (the input must
 *     still stay within GND - 0.3 V .. VDD + 0.3 V whatever the range)
 * @param scale multiplies the measured volts (e.g. 11.0 behind a 10k/1k divider); non-zero
 */
public record Ads1115ChannelConfig(String name, Ads1115Input input, double fullScaleV, double scale) {

  public Ads1115ChannelConfig {
    String what = "ADS1115 channel '" + name + "'";
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("ADS1115 channel: name is missing");
    }
    if (input == null) {
      throw new InvalidInputException(what + ": input is missing (AIN0..AIN3 or AIN0_AIN1, AIN0_AIN3, AIN1_AIN3, AIN2_AIN3)");
    }
    if (Ads1115Registers.pgaBits(fullScaleV) < 0) {
      throw new InvalidInputException(what + ": fullScaleV " + fullScaleV
          + " must be one of 6.144, 4.096, 2.048, 1.024, 0.512, 0.256");
    }
    if (!Double.isFinite(scale) || scale == 0) {
      throw new InvalidInputException(what + ": scale " + scale + " must be finite and non-zero");
    }
  }

  /** An unscaled single-ended or differential input. */
  public static Ads1115ChannelConfig of(String name, Ads1115Input input, double fullScaleV) {
    return new Ads1115ChannelConfig(name, input, fullScaleV, 1.0);
  }
}
