package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextureTest {

  @Test
  void noiseIsPeriodicDeterministicAndWithinTheContrastBounds() {
    NoiseTexture a = NoiseTexture.generate(64, 1.2, 0.5, 0.7, 99);
    NoiseTexture b = NoiseTexture.generate(64, 1.2, 0.5, 0.7, 99);
    NoiseTexture c = NoiseTexture.generate(64, 1.2, 0.5, 0.7, 100);
    double lo = Math.log(0.5 * 0.3) - 1e-6;
    double hi = Math.log(0.5 * 1.7) + 1e-6;
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    boolean differs = false;
    for (int v = 0; v < 64; v++) {
      for (int u = 0; u < 64; u++) {
        float l = a.logTexel(u, v);
        assertEquals(l, b.logTexel(u, v), "same seed, same texel");
        differs |= l != c.logTexel(u, v);
        assertEquals(l, a.logTexel(u + 64, v - 128), "periodic");
        assertTrue(l >= lo && l <= hi, "texel " + l + " outside [" + lo + ", " + hi + "]");
        min = Math.min(min, l);
        max = Math.max(max, l);
      }
    }
    assertTrue(differs, "another seed, another texture");
    // the peak normalisation puts one extreme exactly at mean * (1 +- contrast)
    assertTrue(Math.abs(max - Math.log(0.85)) < 1e-5 || Math.abs(min - Math.log(0.15)) < 1e-5, min + " .. " + max);
  }

  @Test
  void renderedFramesEqualPointSamplesOfTheTextureAtEveryOffset() {
    Texture[] textures = {
      NoiseTexture.generate(32, 1, 0.5, 0.8, 3), // narrower than the frame: rows wrap
      NoiseTexture.generate(64, 1.5, 0.5, 0.8, 4), // wider: rows from the doubled copy
      new GratingTexture(7.3, 30, 0.2, GratingProfile.SINE, 0.5, 0.8),
      new GratingTexture(5, 90, 0.7, GratingProfile.SQUARE, 0.5, 0.5),
    };
    double[][] offsets = {{0, 0}, {0.25, -0.75}, {-13.6, 40.1}, {1000.5, -2000.3}, {31.99, 0.01}};
    int w = 40;
    int h = 9;
    float[] frame = new float[w * h];
    for (Texture t : textures) {
      for (double[] o : offsets) {
        t.renderLog(o[0], o[1], w, h, frame);
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            double expected = t.logIntensityAt(x - o[0], y - o[1]);
            if (t instanceof GratingTexture g && g.profile() == GratingProfile.SQUARE && Math.abs(expected - frame[y * w + x]) > 1e-4) {
              continue; // on a square edge's 1/4096-period ramp, the two phase roundings may differ
            }
            assertEquals(expected, frame[y * w + x], 1e-4, t + " at offset " + o[0] + "," + o[1] + " pixel " + x + "," + y);
          }
        }
      }
    }
  }

  @Test
  void gratingVariesAlongItsOrientationWithItsPeriodAndIsConstantAlongItsStripes() {
    GratingTexture g = new GratingTexture(10, 90, 0, GratingProfile.SINE, 0.5, 0.8);
    for (double u = -5; u < 5; u += 0.7) {
      assertEquals(g.logIntensityAt(0, 2.5), g.logIntensityAt(u, 2.5), 1e-6, "horizontal stripes: constant along x");
      assertEquals(g.logIntensityAt(u, 1.3), g.logIntensityAt(u, 11.3), 1e-5, "period 10 along y");
    }
    // sine: I = 0.5 (1 + 0.8 sin(2 pi v / 10)): maximum 0.9 at v = 2.5
    assertEquals(Math.log(0.9), g.logIntensityAt(0, 2.5), 1e-5);
    assertEquals(Math.log(0.1), g.logIntensityAt(0, 7.5), 1e-4);
    GratingTexture square = new GratingTexture(8, 0, 0, GratingProfile.SQUARE, 0.5, 0.5);
    assertEquals(Math.log(0.75), square.logIntensityAt(1, 0), 1e-6);
    assertEquals(Math.log(0.25), square.logIntensityAt(5, 0), 1e-6);
    assertNotEquals(square.logIntensityAt(3.9, 0), square.logIntensityAt(4.1, 0));
  }

  @Test
  void specBuildsTheAutomaticNoiseSizeAndOrientsGratingsAlongTheMotion() {
    assertEquals(64, TextureSpec.noise().noiseSizeFor(32, 32));
    assertEquals(256, TextureSpec.noise().noiseSizeFor(128, 100));
    assertEquals(512, TextureSpec.noise().noiseSizeFor(129, 10));
    assertEquals(32, TextureSpec.noise().withSizePx(32).noiseSizeFor(128, 128));
    GratingTexture g = (GratingTexture) TextureSpec.grating(12).create(32, 32, 90, 5);
    assertEquals(90, g.orientationDeg());
    GratingTexture fixed = (GratingTexture) TextureSpec.grating(12).withOrientationDeg(45).create(32, 32, 90, 5);
    assertEquals(45, fixed.orientationDeg());
  }
}
