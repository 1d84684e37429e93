package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acceptance test: the events of a moving texture carry its motion. Two estimators,
 * both independent of the simulator's code: the gradient of the ON time surface (gratings) and the
 * shift that best aligns two event-count images taken apart in time (noise).
 */
class MotionDirectionAcceptanceTest {

  /**
   * Time surface: T(x, y) = time of the first ON event of pixel (x, y) after t = 20 ms. A pattern
   * moving at v reaches pixel x + 1 1/vx later than pixel x, so the median differences of T
   * between horizontal and vertical neighbours are grad T = v / |v|^2, and v = grad T / |grad T|^2.
   */
  @ParameterizedTest(name = "grating moving {0} deg")
  @CsvSource({"0, 0.4", "90, 0.4", "180, 0.25", "270, 0.63"})
  void aGratingMovingInADirectionGivesATimeSurfaceWhoseGradientPointsThatWay(double directionDeg, double speedPxPerMs) {
    MotionClasses classes = new MotionClasses(4, speedPxPerMs);
    int cls = classes.classIndex(0, classes.nearestDirectionIndex(directionDeg));
    MotionMovieConfig config = MotionMovieConfig.of(48, 48, 80_000, classes)
        .withTexture(TextureSpec.grating(12).withProfile(GratingProfile.SQUARE))
        .withSensor(DvsSensorConfig.defaults().withNoiseRateHz(0));
    DvsEvents e = DvsEvents.run(MotionMovie.generate(config, cls, 77).newSimulator(), 1024);
    long[] first = new long[48 * 48];
    Arrays.fill(first, -1);
    for (int i = 0; i < e.size(); i++) {
      int p = e.y[i] * 48 + e.x[i];
      if (e.on[i] && e.tUs[i] > 20_000 && first[p] < 0) {
        first[p] = e.tUs[i];
      }
    }
    double gx = medianDifference(first, 48, 1, 0);
    double gy = medianDifference(first, 48, 0, 1);
    double g2 = gx * gx + gy * gy;
    double vx = gx / g2 * 1000; // us/px -> px/ms
    double vy = gy / g2 * 1000;
    double estimatedDeg = Math.toDegrees(Math.atan2(vy, vx));
    assertEquals(0, angleDifference(estimatedDeg, directionDeg), 5, "direction estimated " + estimatedDeg);
    assertEquals(speedPxPerMs, Math.hypot(vx, vy), 0.1 * speedPxPerMs, "speed estimated from the time surface");
  }

  /**
   * Event-count images A (events in [20, 30) ms) and B (in [50, 60) ms): B is A shifted by v * 30
   * ms. The integer shift (dx, dy) within +-20 px that maximises their correlation estimates it.
   */
  @ParameterizedTest(name = "noise moving {0} deg")
  @CsvSource({"0, 0.40", "90, 0.40", "30, 0.63", "240, 0.25"})
  void aNoiseTextureMovingInADirectionGivesEventImagesThatShiftThatWay(double directionDeg, double speedPxPerMs) {
    MotionClasses classes = new MotionClasses(12, speedPxPerMs);
    int cls = classes.classIndex(0, classes.nearestDirectionIndex(directionDeg));
    MotionMovieConfig config = MotionMovieConfig.of(64, 64, 60_000, classes);
    DvsEvents e = DvsEvents.run(MotionMovie.generate(config, cls, 5).newSimulator(), 1024);
    double[] a = countImage(e, 64, 20_000, 30_000);
    double[] b = countImage(e, 64, 50_000, 60_000);
    int bestDx = 0;
    int bestDy = 0;
    double best = -Double.MAX_VALUE;
    for (int dy = -20; dy <= 20; dy++) {
      for (int dx = -20; dx <= 20; dx++) {
        double c = correlation(a, b, 64, dx, dy);
        if (c > best) {
          best = c;
          bestDx = dx;
          bestDy = dy;
        }
      }
    }
    double expectedDx = speedPxPerMs * Math.cos(Math.toRadians(directionDeg)) * 30;
    double expectedDy = speedPxPerMs * Math.sin(Math.toRadians(directionDeg)) * 30;
    assertEquals(expectedDx, bestDx, 1.0, "x shift in 30 ms");
    assertEquals(expectedDy, bestDy, 1.0, "y shift in 30 ms");
    assertTrue(Math.hypot(bestDx, bestDy) > 5, "the pattern moved");
  }

  private static double medianDifference(long[] t, int w, int dx, int dy) {
    double[] d = new double[t.length];
    int n = 0;
    for (int y = 0; y + dy < w; y++) {
      for (int x = 0; x + dx < w; x++) {
        long a = t[y * w + x];
        long b = t[(y + dy) * w + x + dx];
        if (a >= 0 && b >= 0) {
          d[n++] = b - a;
        }
      }
    }
    assertTrue(n > t.length / 2, "most pixels fired: " + n);
    Arrays.sort(d, 0, n);
    return d[n / 2];
  }

  private static double[] countImage(DvsEvents e, int w, long fromUs, long toUs) {
    double[] img = new double[w * w];
    for (int i = 0; i < e.size(); i++) {
      if (e.tUs[i] >= fromUs && e.tUs[i] < toUs) {
        img[e.y[i] * w + e.x[i]]++;
      }
    }
    return img;
  }

  /** Pearson correlation of b(x + dx, y + dy) with a(x, y) over their overlap. */
  private static double correlation(double[] a, double[] b, int w, int dx, int dy) {
    double sa = 0;
    double sb = 0;
    double saa = 0;
    double sbb = 0;
    double sab = 0;
    int n = 0;
    for (int y = Math.max(0, -dy); y < Math.min(w, w - dy); y++) {
      for (int x = Math.max(0, -dx); x < Math.min(w, w - dx); x++) {
        double va = a[y * w + x];
        double vb = b[(y + dy) * w + x + dx];
        sa += va;
        sb += vb;
        saa += va * va;
        sbb += vb * vb;
        sab += va * vb;
        n++;
      }
    }
    double cov = sab / n - sa / n * sb / n;
    double var = Math.sqrt((saa / n - sa / n * sa / n) * (sbb / n - sb / n * sb / n));
    return var == 0 ? 0 : cov / var;
  }

  private static double angleDifference(double a, double b) {
    double d = (a - b) % 360;
    if (d > 180) {
      d -= 360;
    }
    if (d < -180) {
      d += 360;
    }
    return d;
  }
}
