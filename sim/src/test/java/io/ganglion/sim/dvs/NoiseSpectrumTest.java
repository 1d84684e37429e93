package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseSpectrumTest {

  @Test
  void fftMatchesANaiveDft() {
    int n = 16;
    double[] re = new double[n];
    double[] im = new double[n];
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      re[i] = r.nextDouble() - 0.5;
      im[i] = r.nextDouble() - 0.5;
    }
    double[] expRe = new double[n];
    double[] expIm = new double[n];
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < n; j++) {
        double a = -2 * Math.PI * k * j / n;
        expRe[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
        expIm[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
      }
    }
    double[] fr = re.clone();
    double[] fi = im.clone();
    new Fft(n).transform(fr, fi, false);
    for (int k = 0; k < n; k++) {
      assertEquals(expRe[k], fr[k], 1e-12);
      assertEquals(expIm[k], fi[k], 1e-12);
    }
    new Fft(n).transform(fr, fi, true); // inverse without scaling: n times the input
    for (int k = 0; k < n; k++) {
      assertEquals(re[k] * n, fr[k], 1e-12);
      assertEquals(im[k] * n, fi[k], 1e-12);
    }
  }

  /**
   * The radially averaged power spectrum of the intensity image falls as f^(-2 alpha): the
   * least-squares slope of log power against log f, over 4..64 cycles per image, is -2 alpha.
   */
  @ParameterizedTest
  @ValueSource(doubles = {1.0, 1.5, 2.0})
  void powerSpectrumSlopeIsMinusTwoAlpha(double alpha) {
    int n = 256;
    NoiseTexture t = NoiseTexture.generate(n, alpha, 0.5, 0.5, 2024);
    double[] re = new double[n * n];
    double[] im = new double[n * n];
    for (int v = 0; v < n; v++) {
      for (int u = 0; u < n; u++) {
        re[v * n + u] = Math.exp(t.logTexel(u, v));
      }
    }
    new Fft(n).transform2d(re, im, false);
    double[] power = new double[n];
    int[] count = new int[n];
    for (int ky = 0; ky < n; ky++) {
      int fy = ky <= n / 2 ? ky : ky - n;
      for (int kx = 0; kx < n; kx++) {
        int fx = kx <= n / 2 ? kx : kx - n;
        int f = (int) Math.round(Math.hypot(fx, fy));
        if (f > 0 && f < n) {
          power[f] += re[ky * n + kx] * re[ky * n + kx] + im[ky * n + kx] * im[ky * n + kx];
          count[f]++;
        }
      }
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int m = 0;
    for (int f = 4; f <= 64; f++) {
      double x = Math.log(f);
      double y = Math.log(power[f] / count[f]);
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
      m++;
    }
    double slope = (m * sxy - sx * sy) / (m * sxx - sx * sx);
    System.out.printf(java.util.Locale.ROOT, "1/f noise alpha %.1f: power spectrum slope %.3f%n", alpha, slope);
    // the intensity is exp(float(log)) of an affine map of the field: the slope survives up to rounding
    assertEquals(-2 * alpha, slope, 0.1, "log-log slope of the power spectrum");
  }
}
