package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.events.SensorSize;
import org.junit.jupiter.api.Test;

class DvsRefractoryAndNoiseTest {

  @Test
  void noPixelFiresTwiceWithinTheRefractoryPeriodAndTheLostCrossingsAreCounted() {
    // a fast square grating: each edge gives ~5 crossings at once, and the noise adds more
    DvsSensorConfig c = DvsSensorConfig.defaults().withRefractoryUs(700).withNoiseRateHz(50);
    Texture grating = new GratingTexture(6, 0, 0.1, GratingProfile.SQUARE, 0.5, 0.8);
    DvsSimulator sim = new DvsSimulator(new SensorSize(16, 16), grating, MotionTrack.constantVelocity(0.63, 0.2, 200_000), c, 3);
    DvsEvents e = DvsEvents.run(sim, 512);
    assertTrue(e.size() > 5000, "events: " + e.size());
    assertTrue(sim.refractorySuppressed() > 1000, "suppressed: " + sim.refractorySuppressed());
    long[] last = new long[16 * 16];
    java.util.Arrays.fill(last, Long.MIN_VALUE / 2);
    long minGap = Long.MAX_VALUE;
    for (int i = 0; i < e.size(); i++) {
      int p = e.y[i] * 16 + e.x[i];
      minGap = Math.min(minGap, e.tUs[i] - last[p]);
      last[p] = e.tUs[i];
    }
    assertTrue(minGap >= 700, "smallest gap between two events of a pixel: " + minGap + " us");
  }

  @Test
  void withoutRefractoryAStrongEdgeGivesSeveralEventsInOneInterval() {
    DvsSensorConfig c = DvsSensorConfig.defaults().withRefractoryUs(0).withNoiseRateHz(0);
    Texture grating = new GratingTexture(6, 0, 0.1, GratingProfile.SQUARE, 0.5, 0.8);
    DvsSimulator sim = new DvsSimulator(new SensorSize(16, 16), grating, MotionTrack.constantVelocity(0.63, 0, 50_000), c, 3);
    DvsEvents e = DvsEvents.run(sim, 512);
    assertEquals(0, sim.refractorySuppressed());
    // ln(1.8 / 0.2) = 2.197 per edge: 10 crossings of 0.2 per pixel per edge, two edges per period
    int edgesPerPixel = (int) Math.floor(0.63 * 50 / 6 * 2);
    assertTrue(e.size() >= 256 * 10 * edgesPerPixel, "events " + e.size() + " for " + edgesPerPixel + " edges per pixel");
  }

  @Test
  void backgroundNoiseOnAStillSceneHasThePoissonRateAndBalancedPolarity() {
    double hz = 20;
    int w = 64;
    int h = 48;
    long durationUs = 1_000_000;
    DvsSensorConfig c = DvsSensorConfig.defaults().withNoiseRateHz(hz);
    Texture still = NoiseTexture.generate(64, 1, 0.5, 0.8, 1);
    DvsSimulator sim = new DvsSimulator(new SensorSize(w, h), still, MotionTrack.constantVelocity(0, 0, durationUs), c, 11);
    DvsEvents e = DvsEvents.run(sim, 4096);
    double expected = hz * w * h * durationUs / 1e6; // 61,440
    assertEquals(e.size(), sim.noiseEvents(), "a still scene makes only noise events");
    assertEquals(expected, e.size(), 4 * Math.sqrt(expected), "Poisson count within 4 sigma");
    int on = 0;
    for (boolean b : e.on) {
      on += b ? 1 : 0;
    }
    assertEquals(0.5, (double) on / e.size(), 0.01);
    // events spread evenly over time: each half of the movie holds half of them
    int firstHalf = 0;
    for (long t : e.tUs) {
      firstHalf += t < durationUs / 2 ? 1 : 0;
    }
    assertEquals(0.5, (double) firstHalf / e.size(), 0.01);
  }

  @Test
  void zeroNoiseRateOnAStillSceneGivesNoEventAtAll() {
    DvsSensorConfig c = DvsSensorConfig.defaults().withNoiseRateHz(0);
    DvsSimulator sim = new DvsSimulator(new SensorSize(32, 32), NoiseTexture.generate(64, 1, 0.5, 0.8, 1),
        MotionTrack.constantVelocity(0, 0, 100_000), c, 11);
    assertEquals(0, DvsEvents.run(sim, 64).size());
    assertTrue(sim.finished());
  }
}
