package io.ganglion.drivers.adc;

/** ADS1115 registers, Config fields and conversions (TI SBAS444D section 8.6). */
public final class Ads1115Registers {

  public static final int CONVERSION = 0x00;
  public static final int CONFIG = 0x01;
  /** OS: write 1 to start a single conversion; reads 0 while converting. */
  public static final int OS = 0x8000;
  /** MODE = 1: single-shot / power-down; 0: continuous. */
  public static final int MODE_SINGLE = 0x0100;
  /** COMP_QUE = 11: comparator disabled, ALERT/RDY high impedance. */
  public static final int COMP_DISABLE = 0x0003;
  /** Full-scale ranges in volts, indexed by the PGA field. */
  public static final double[] FULL_SCALE_V = {6.144, 4.096, 2.048, 1.024, 0.512, 0.256};
  /** Data rates in samples per second, indexed by the DR field. */
  public static final int[] DATA_RATES_SPS = {8, 16, 32, 64, 128, 250, 475, 860};

  private Ads1115Registers() {}

  /** PGA field for a full-scale range, or -1. */
  public static int pgaBits(double fullScaleV) {
    for (int i = 0; i < FULL_SCALE_V.length; i++) {
      if (FULL_SCALE_V[i] == fullScaleV) {
        return i;
      }
    }
    return -1;
  }

  /** DR field for a data rate, or -1. */
  public static int drBits(int sps) {
    for (int i = 0; i < DATA_RATES_SPS.length; i++) {
      if (DATA_RATES_SPS[i] == sps) {
        return i;
      }
    }
    return -1;
  }

  /** Config = OS | MUX &lt;&lt; 12 | PGA &lt;&lt; 9 | MODE &lt;&lt; 8 | DR &lt;&lt; 5 | comparator off. */
  public static int config(boolean startSingle, Ads1115Input input, int pga, boolean single, int dr) {
    return (startSingle ? OS : 0) | input.muxBits << 12 | pga << 9 | (single ? MODE_SINGLE : 0) | dr << 5 | COMP_DISABLE;
  }

  /** V = code * FSR / 32768 (one LSB = FSR / 32768; 125 uV at +-4.096 V). */
  public static double volts(int code, double fullScaleV) {
    return code * fullScaleV / 32768.0;
  }
}
