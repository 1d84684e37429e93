package io.ganglion.drivers.adc;

/** ADS1115 input multiplexer settings (Config bits 14..12): differential pairs or single-ended. */
public enum Ads1115Input {
  AIN0_AIN1(0b000),
  AIN0_AIN3(0b001),
  AIN1_AIN3(0b010),
  AIN2_AIN3(0b011),
  AIN0(0b100),
  AIN1(0b101),
  AIN2(0b110),
  AIN3(0b111);

  /** The MUX field value. */
  public final int muxBits;

  Ads1115Input(int muxBits) {
    this.muxBits = muxBits;
  }
}
