package io.ganglion.sim.dvs;

import io.ganglion.drivers.InvalidInputException;

/**
 * The DVS pixel model's parameters (see docs/dvs-simulator.md).
 *
 * @param thresholdOn contrast threshold C_ON: an ON event per rise of ln I by C_ON, > 0
 * @param thresholdOff contrast threshold C_OFF: an OFF event per fall of ln I by C_OFF, > 0
 * @param thresholdSigma per-pixel mismatch: each pixel's thresholds are drawn once from
 *     N(C, sigma^2) (seeded), clipped below at {@link #MIN_THRESHOLD}; 0 = identical pixels
 * @param refractoryUs after an event a pixel emits nothing for this long (crossings in that time
 *     are lost: the reference still moves), >= 0
 * @param noiseRateHz background events per pixel per second (Poisson, random polarity), >= 0
 * @param samplePeriodUs the scene is rendered every this many us; event times are interpolated
 *     between samples, in [1, 10000]
 */
public record DvsSensorConfig(double thresholdOn, double thresholdOff, double thresholdSigma, long refractoryUs,
    double noiseRateHz, int samplePeriodUs) {

  /** Lower clip of a mismatched threshold. */
  public static final double MIN_THRESHOLD = 0.01;
  /** Default contrast threshold (ON and OFF). */
  public static final double DEFAULT_THRESHOLD = 0.2;
  /** Default refractory period, us. */
  public static final long DEFAULT_REFRACTORY_US = 100;
  /** Default noise rate per pixel, Hz. */
  public static final double DEFAULT_NOISE_HZ = 0.1;
  /** Default scene sampling period, us. */
  public static final int DEFAULT_SAMPLE_PERIOD_US = 200;

  /** Validates the fields. */
  public DvsSensorConfig {
    if (!(thresholdOn >= MIN_THRESHOLD && thresholdOn <= 10) || !(thresholdOff >= MIN_THRESHOLD && thresholdOff <= 10)) {
      throw new InvalidInputException("contrast thresholds must be in [" + MIN_THRESHOLD + ", 10] (log intensity), got "
          + thresholdOn + " / " + thresholdOff);
    }
    if (!(thresholdSigma >= 0 && thresholdSigma <= 1)) {
      throw new InvalidInputException("threshold mismatch sigma must be in [0, 1], got " + thresholdSigma);
    }
    if (refractoryUs < 0 || refractoryUs > 10_000_000) {
      throw new InvalidInputException("refractory period must be in [0, 10 s], got " + refractoryUs + " us");
    }
    if (!(noiseRateHz >= 0 && noiseRateHz <= 100_000)) {
      throw new InvalidInputException("noise rate must be in [0, 100000] Hz per pixel, got " + noiseRateHz);
    }
    if (samplePeriodUs < 1 || samplePeriodUs > 10_000) {
      throw new InvalidInputException("sample period must be in [1, 10000] us, got " + samplePeriodUs);
    }
  }

  /** C = 0.2, no mismatch, 100 us refractory, 0.1 Hz noise, 200 us sampling. */
  public static DvsSensorConfig defaults() {
    return new DvsSensorConfig(DEFAULT_THRESHOLD, DEFAULT_THRESHOLD, 0, DEFAULT_REFRACTORY_US, DEFAULT_NOISE_HZ,
        DEFAULT_SAMPLE_PERIOD_US);
  }

  /** Same threshold C for ON and OFF. */
  public DvsSensorConfig withThreshold(double c) {
    return new DvsSensorConfig(c, c, thresholdSigma, refractoryUs, noiseRateHz, samplePeriodUs);
  }

  public DvsSensorConfig withThresholds(double on, double off) {
    return new DvsSensorConfig(on, off, thresholdSigma, refractoryUs, noiseRateHz, samplePeriodUs);
  }

  public DvsSensorConfig withThresholdSigma(double sigma) {
    return new DvsSensorConfig(thresholdOn, thresholdOff, sigma, refractoryUs, noiseRateHz, samplePeriodUs);
  }

  public DvsSensorConfig withRefractoryUs(long us) {
    return new DvsSensorConfig(thresholdOn, thresholdOff, thresholdSigma, us, noiseRateHz, samplePeriodUs);
  }

  public DvsSensorConfig withNoiseRateHz(double hz) {
    return new DvsSensorConfig(thresholdOn, thresholdOff, thresholdSigma, refractoryUs, hz, samplePeriodUs);
  }

  public DvsSensorConfig withSamplePeriodUs(int us) {
    return new DvsSensorConfig(thresholdOn, thresholdOff, thresholdSigma, refractoryUs, noiseRateHz, us);
  }
}
