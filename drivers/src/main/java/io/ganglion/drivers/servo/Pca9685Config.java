package io.ganglion.drivers.servo;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.i2c.I2cChecks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A PCA9685 board: where it sits on the bus, its PWM frequency and the outputs in use.
 *
 * @param name unique device name (used in the Pi4J id "pca9685-NAME")
 * @param bus Linux I2C bus number (1 on the Raspberry Pi header)
 * @param address 7-bit address 0x40..0x7F (A5..A0 pins; Adafruit boards default to 0x40)
 * @param frequencyHz PWM frequency, 24..1526 Hz (50 Hz for analog servos, up to ~330 Hz digital)
 * @param oscillatorHz the oscillator frequency (25 MHz internal; calibrate per board if pulses
 *     measure off by a few percent)
 * @param channels the outputs in use, distinct channels and names
 */
public record Pca9685Config(String name, int bus, int address, double frequencyHz, double oscillatorHz,
    List<ServoChannelConfig> channels) {

  /** Default 7-bit address (all address pins low). */
  public static final int DEFAULT_ADDRESS = 0x40;

  public Pca9685Config {
    I2cChecks.name("PCA9685", name);
    String what = "PCA9685 '" + name + "'";
    I2cChecks.bus(what, bus);
    I2cChecks.address(what, address, 0x40, 0x7F);
    if (!(frequencyHz >= 24.0 && frequencyHz <= 1526.0)) {
      throw new InvalidInputException(what + ": frequency " + frequencyHz
          + " Hz is outside 24..1526 Hz (PRE_SCALE 255..3); servos use 50 Hz");
    }
    if (!(oscillatorHz >= 1e6 && oscillatorHz <= 50e6)) {
      throw new InvalidInputException(what + ": oscillator " + oscillatorHz
          + " Hz is outside 1..50 MHz (25 MHz internal, up to 50 MHz on EXTCLK)");
    }
    int prescale = Pca9685Registers.prescaleFor(frequencyHz, oscillatorHz);
    if (prescale < Pca9685Registers.MIN_PRESCALE || prescale > Pca9685Registers.MAX_PRESCALE) {
      throw new InvalidInputException(what + ": frequency " + frequencyHz + " Hz with a " + oscillatorHz
          + " Hz oscillator needs PRE_SCALE " + prescale + ", outside 3..255");
    }
    if (channels == null || channels.isEmpty() || channels.size() > 16) {
      throw new InvalidInputException(what + ": list 1..16 channels (got "
          + (channels == null ? "none" : channels.size()) + ")");
    }
    channels = List.copyOf(channels);
    double periodUs = 1e6 / Pca9685Registers.frequencyFor(prescale, oscillatorHz);
    Set<Integer> used = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (ServoChannelConfig c : channels) {
      if (!used.add(c.channel())) {
        throw new InvalidInputException(what + ": channel " + c.channel() + " is used twice");
      }
      if (!names.add(c.name())) {
        throw new InvalidInputException(what + ": channel name '" + c.name() + "' is used twice");
      }
      if (c.maxPulseUs() > periodUs) {
        throw new InvalidInputException(what + ": channel '" + c.name() + "' maxPulseUs " + c.maxPulseUs()
            + " exceeds the PWM period " + String.format("%.1f", periodUs) + " us at " + frequencyHz + " Hz");
      }
    }
  }

  /** A board on the internal 25 MHz oscillator. */
  public Pca9685Config(String name, int bus, int address, double frequencyHz, List<ServoChannelConfig> channels) {
    this(name, bus, address, frequencyHz, Pca9685Registers.INTERNAL_OSCILLATOR_HZ, channels);
  }

  /** PRE_SCALE for the configured frequency (3..255). */
  public int prescale() {
    return Pca9685Registers.prescaleFor(frequencyHz, oscillatorHz);
  }

  /** The frequency the chip really produces after rounding PRE_SCALE. */
  public double actualFrequencyHz() {
    return Pca9685Registers.frequencyFor(prescale(), oscillatorHz);
  }
}
