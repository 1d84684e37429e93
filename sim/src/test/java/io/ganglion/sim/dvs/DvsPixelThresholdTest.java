package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.events.SensorSize;
import org.junit.jupiter.api.Test;

/** The pixel model on synthetic scenes whose log intensity is known exactly. */
class DvsPixelThresholdTest {

  /** L(u, v) = low for u < 0, high for u >= 0: a vertical edge at u = 0. */
  private record Step(double low, double high) implements Texture {
    @Override
    public double logIntensityAt(double u, double v) {
      return u < 0 ? low : high;
    }

    @Override
    public void renderLog(double ox, double oy, int w, int h, float[] dest) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          dest[y * w + x] = (float) logIntensityAt(x - ox, y - oy);
        }
      }
    }
  }

  /** L(u, v) = slope * u: moving it at vx changes every pixel's log intensity at -slope * vx per ms. */
  private record Ramp(double slopePerPx) implements Texture {
    @Override
    public double logIntensityAt(double u, double v) {
      return slopePerPx * u;
    }

    @Override
    public void renderLog(double ox, double oy, int w, int h, float[] dest) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          dest[y * w + x] = (float) logIntensityAt(x - ox, y - oy);
        }
      }
    }
  }

  private static DvsSensorConfig quiet(double c) {
    return DvsSensorConfig.defaults().withThreshold(c).withNoiseRateHz(0).withRefractoryUs(0);
  }

  @Test
  void aStepOfLogContrastDeltaGivesFloorDeltaOverCOnEventsPerPixelInTheSampleWhereTheEdgePasses() {
    // the edge starts left of the sensor (x = -0.53) and moves right at 0.1 px/ms: it passes pixel x at (x + 0.53) / 0.1 ms,
    // inside a sampling interval, not on its boundary
    double delta = 0.95;
    Texture step = new Step(0, delta);
    MotionTrack track = MotionTrack.constantVelocity(0.1, 0, 100_000);
    Texture shifted = new Shifted(step, -0.53);
    DvsSimulator sim = new DvsSimulator(new SensorSize(8, 2), shifted, track, quiet(0.2), 1);
    DvsEvents e = DvsEvents.run(sim, 64);
    // the brighter side (u >= 0) is on the left of the edge: pixels go dark -> OFF events, floor(0.95 / 0.2) = 4 each
    assertEquals(8 * 2 * 4, e.size());
    int period = DvsSensorConfig.DEFAULT_SAMPLE_PERIOD_US;
    for (int i = 0; i < e.size(); i++) {
      assertTrue(!e.on[i], "a darkening edge gives OFF events");
      long edgeUs = Math.round((e.x[i] + 0.53) / 0.1 * 1000);
      long sampleEnd = ((edgeUs + period - 1) / period) * period;
      assertTrue(e.tUs[i] > sampleEnd - period && e.tUs[i] <= sampleEnd,
          "event at " + e.tUs[i] + " us is in the sample interval where the edge crosses pixel " + e.x[i] + " (" + edgeUs + " us)");
    }
  }

  @Test
  void aStepSmallerThanTheThresholdGivesNoEventAndTheOppositeStepGivesOn() {
    MotionTrack track = MotionTrack.constantVelocity(0.1, 0, 100_000);
    DvsSimulator small = new DvsSimulator(new SensorSize(8, 2), new Shifted(new Step(0, 0.19), -0.53), track, quiet(0.2), 1);
    assertEquals(0, DvsEvents.run(small, 64).size());
    DvsSimulator rising = new DvsSimulator(new SensorSize(8, 2), new Shifted(new Step(0.61, 0), -0.53), track, quiet(0.2), 1);
    DvsEvents e = DvsEvents.run(rising, 64);
    assertEquals(8 * 2 * 3, e.size());
    for (boolean on : e.on) {
      assertTrue(on);
    }
  }

  @Test
  void aWholeSensorSwitchingInOneIntervalGivesAllItsEventsSortedByTimeThenRowMajor() {
    // the edge sweeps the 64 x 64 sensor within the first 200 us interval: 4 OFF events per pixel, 16,384 at once
    MotionTrack track = MotionTrack.constantVelocity(1000, 0, 1000);
    DvsSimulator sim = new DvsSimulator(new SensorSize(64, 64), new Shifted(new Step(0, 0.95), -0.53), track, quiet(0.2), 1);
    DvsEvents e = DvsEvents.run(sim, 5000);
    assertEquals(64 * 64 * 4, e.size());
    for (int i = 1; i < e.size(); i++) {
      assertTrue(e.tUs[i] >= e.tUs[i - 1]);
      if (e.tUs[i] == e.tUs[i - 1]) {
        assertTrue(e.y[i] * 64 + e.x[i] > e.y[i - 1] * 64 + e.x[i - 1], "equal times keep row-major pixel order at " + i);
      }
    }
    // every pixel goes from 0.95 to 0 between the samples: crossings at 0.75, 0.55, 0.35, 0.15 -> 200 us * (0.95 - level) / 0.95
    assertEquals(42, e.tUs[0]);
    assertEquals(168, e.tUs[e.size() - 1]);
  }

  @Test
  void aSteadyLogRampGivesOneEventPerThresholdAtInterpolatedMicrosecondTimes() {
    // L(x, t) = slope * (x - vx t): dL/dt = -slope * vx = -0.5 per ms; C = 0.2 -> an OFF event every 400 us exactly
    double slope = 1.0;
    double vx = 0.5;
    MotionTrack track = MotionTrack.constantVelocity(vx, 0, 9_900);
    DvsSimulator sim = new DvsSimulator(new SensorSize(3, 1), new Ramp(slope), track, quiet(0.2).withSamplePeriodUs(300), 1);
    DvsEvents e = DvsEvents.run(sim, 64);
    assertEquals(3 * 24, e.size(), "9.9 ms at one event per 400 us per pixel");
    int[] seen = new int[3];
    for (int i = 0; i < e.size(); i++) {
      int k = ++seen[e.x[i]];
      // k-th crossing at k * 400 us; interpolation between 300 us samples must find it (float rounding: +-1 us)
      assertEquals(400L * k, e.tUs[i], 1, "pixel " + e.x[i] + " crossing " + k);
      assertTrue(!e.on[i]);
    }
  }

  @Test
  void perPixelMismatchSpreadsThresholdsWithTheRequestedSigma() {
    DvsSensorConfig c = quiet(0.2).withThresholdSigma(0.03);
    DvsSimulator sim = new DvsSimulator(new SensorSize(64, 64), new Ramp(0), MotionTrack.constantVelocity(0, 0, 1000), c, 9);
    double sum = 0;
    double sum2 = 0;
    int n = 0;
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        for (double th : new double[] {sim.thresholdOn(x, y), sim.thresholdOff(x, y)}) {
          sum += th;
          sum2 += th * th;
          n++;
        }
      }
    }
    double mean = sum / n;
    double sd = Math.sqrt(sum2 / n - mean * mean);
    assertEquals(0.2, mean, 0.003);
    assertEquals(0.03, sd, 0.003);
  }

  /** The texture moved by a fixed offset: L'(u, v) = L(u - dx, v). */
  private record Shifted(Texture inner, double dx) implements Texture {
    @Override
    public double logIntensityAt(double u, double v) {
      return inner.logIntensityAt(u - dx, v);
    }

    @Override
    public void renderLog(double ox, double oy, int w, int h, float[] dest) {
      inner.renderLog(ox + dx, oy, w, h, dest);
    }
  }
}
