package io.ganglion.sim.dvs;

import java.util.SplittableRandom;

/**
 * The per-pixel state of the DVS model and its update over one sampling interval (t0, t1].
 *
 * <p>Each pixel p keeps a reference log intensity r_p. With L0 = L_p(t0), L1 = L_p(t1): while
 * {@code L1 - r_p >= C_on,p} an ON crossing happens at level {@code r_p + C_on,p} and r_p moves
 * there; while {@code r_p - L1 >= C_off,p} likewise OFF. A crossing's time is the linear
 * interpolation {@code t = t0 + round(dt * (level - L0) / (L1 - L0))} (clamped to [t0, t1]). It
 * becomes an event only if {@code t - t_last,p >= refractory} (else it is counted as suppressed,
 * and the reference moves anyway). Background noise: each pixel has its own Poisson process of
 * rate lambda (exponential gaps, random polarity); a noise event is subject to the same refractory
 * period, sets t_last but leaves r_p alone. Crossings and noise of a pixel are merged in time.
 */
final class DvsPixelArray {

  private static final long NONE = Long.MAX_VALUE;

  private final int n;
  private final float[] ref;
  private final float[] thOn;
  private final float[] thOff;
  private final long[] lastUs;
  private final long[] nextNoiseUs;
  private final SplittableRandom noise;
  private final double noiseRatePerUs;
  private final long refractoryUs;
  private final boolean uniform;

  long onEvents;
  long offEvents;
  long noiseEvents;
  long suppressed;

  DvsPixelArray(int pixels, DvsSensorConfig config, long seed) {
    n = pixels;
    ref = new float[n];
    thOn = new float[n];
    thOff = new float[n];
    lastUs = new long[n];
    nextNoiseUs = new long[n];
    refractoryUs = config.refractoryUs();
    noiseRatePerUs = config.noiseRateHz() * 1e-6;
    SplittableRandom mismatch = new SplittableRandom(Seeds.derive(seed, Seeds.MISMATCH));
    double sigma = config.thresholdSigma();
    for (int p = 0; p < n; p++) {
      thOn[p] = (float) threshold(config.thresholdOn(), sigma, mismatch);
      thOff[p] = (float) threshold(config.thresholdOff(), sigma, mismatch);
    }
    uniform = sigma == 0;
    noise = new SplittableRandom(Seeds.derive(seed, Seeds.NOISE));
    java.util.Arrays.fill(lastUs, Long.MIN_VALUE / 4);
    for (int p = 0; p < n; p++) {
      nextNoiseUs[p] = noiseGapUs(0);
    }
  }

  /** C_p = max(C_min, C + sigma * N(0, 1)), the normal deviate by Box-Muller (StrictMath: bit-reproducible). */
  private static double threshold(double c, double sigma, SplittableRandom random) {
    if (sigma == 0) {
      return c;
    }
    double u1 = 1 - random.nextDouble(); // (0, 1]
    double u2 = random.nextDouble();
    double g = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * u2);
    return Math.max(DvsSensorConfig.MIN_THRESHOLD, c + sigma * g);
  }

  /** t + an exponential gap of mean 1/lambda (at least 1 us), or NONE without noise. */
  private long noiseGapUs(long tUs) {
    if (noiseRatePerUs == 0) {
      return NONE;
    }
    double gap = -StrictMath.log(1 - noise.nextDouble()) / noiseRatePerUs;
    if (gap > 1e15) {
      return NONE;
    }
    return tUs + Math.max(1, (long) Math.ceil(gap));
  }

  /** Resets every reference to the first frame (no events at t = 0). */
  void init(float[] frame) {
    System.arraycopy(frame, 0, ref, 0, n);
  }

  /** Threshold of pixel p (ON), for tests. */
  float thresholdOn(int p) {
    return thOn[p];
  }

  float thresholdOff(int p) {
    return thOff[p];
  }

  /** Processes (t0, t1] given the frames at t0 and t1; events go to {@code out} as offsets from t0. */
  void step(float[] prev, float[] cur, long t0Us, long t1Us, EventStaging out) {
    int dtUs = (int) (t1Us - t0Us);
    if (uniform) {
      // no mismatch: the same thresholds everywhere (fewer loads in the hot loop)
      float on = thOn[0];
      float off = thOff[0];
      for (int p = 0; p < n; p++) {
        float d = cur[p] - ref[p];
        if (d < on && -d < off && nextNoiseUs[p] > t1Us) {
          continue;
        }
        pixel(p, prev[p], cur[p], t0Us, t1Us, dtUs, out);
      }
      return;
    }
    for (int p = 0; p < n; p++) {
      float d = cur[p] - ref[p];
      if (d < thOn[p] && -d < thOff[p] && nextNoiseUs[p] > t1Us) {
        continue; // the common case: nothing happens at this pixel
      }
      pixel(p, prev[p], cur[p], t0Us, t1Us, dtUs, out);
    }
  }

  private void pixel(int p, float l0, float l1, long t0Us, long t1Us, int dtUs, EventStaging out) {
    float r = ref[p];
    float cOn = thOn[p];
    float cOff = thOff[p];
    long last = lastUs[p];
    while (true) {
      float d = l1 - r;
      long tc = NONE;
      float level = r;
      boolean on = false;
      if (d >= cOn) {
        level = r + cOn;
        on = true;
        tc = t0Us + crossingOffsetUs(level, l0, l1, dtUs);
      } else if (-d >= cOff) {
        level = r - cOff;
        tc = t0Us + crossingOffsetUs(level, l0, l1, dtUs);
      }
      long tn = nextNoiseUs[p];
      if (tn > t1Us) {
        tn = NONE;
      }
      if (tc == NONE && tn == NONE) {
        break;
      }
      if (tn < tc) {
        if (tn - last >= refractoryUs) {
          out.add(p, (int) (tn - t0Us), noise.nextBoolean());
          last = tn;
          noiseEvents++;
        } else {
          suppressed++;
        }
        nextNoiseUs[p] = noiseGapUs(tn);
      } else {
        r = level;
        if (tc - last >= refractoryUs) {
          out.add(p, (int) (tc - t0Us), on);
          last = tc;
          if (on) {
            onEvents++;
          } else {
            offEvents++;
          }
        } else {
          suppressed++;
        }
      }
    }
    ref[p] = r;
    lastUs[p] = last;
  }

  /** round(dt * (level - L0) / (L1 - L0)), clamped to [0, dt]. */
  private static long crossingOffsetUs(float level, float l0, float l1, int dtUs) {
    float span = l1 - l0;
    double f = span == 0 ? 1 : (double) (level - l0) / span;
    if (f <= 0) {
      return 0;
    }
    if (f >= 1) {
      return dtUs;
    }
    return Math.round(f * dtUs);
  }
}
