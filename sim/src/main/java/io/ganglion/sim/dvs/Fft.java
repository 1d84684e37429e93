package io.ganglion.sim.dvs;

/**
 * A small in-place radix-2 complex FFT (iterative Cooley-Tukey, bit-reversed input order), in 1-D
 * and 2-D over square power-of-two arrays. Twiddles come from {@link StrictMath}, so results are
 * bit-identical on every JVM. Forward: X[k] = sum_n x[n] exp(-2 pi i k n / N); inverse: the same
 * with +i and no 1/N scaling (callers normalise).
 */
final class Fft {

  private final int n;
  private final int log2n;
  private final double[] cos;
  private final double[] sin;
  private final double[] rowRe;
  private final double[] rowIm;

  /** An FFT of length {@code n}, a power of two >= 2. */
  Fft(int n) {
    if (n < 2 || Integer.bitCount(n) != 1) {
      throw new IllegalArgumentException("FFT length must be a power of two >= 2, got " + n);
    }
    this.n = n;
    this.log2n = Integer.numberOfTrailingZeros(n);
    cos = new double[n / 2];
    sin = new double[n / 2];
    for (int k = 0; k < n / 2; k++) {
      double a = 2 * StrictMath.PI * k / n;
      cos[k] = StrictMath.cos(a);
      sin[k] = StrictMath.sin(a);
    }
    rowRe = new double[n];
    rowIm = new double[n];
  }

  int length() {
    return n;
  }

  /** Transforms {@code re + i im} (length n) in place; {@code inverse} uses exp(+2 pi i k n / N). */
  void transform(double[] re, double[] im, boolean inverse) {
    for (int i = 0; i < n; i++) {
      int j = Integer.reverse(i) >>> (32 - log2n);
      if (j > i) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    double sign = inverse ? 1 : -1;
    for (int size = 2; size <= n; size <<= 1) {
      int half = size >> 1;
      int step = n / size;
      for (int start = 0; start < n; start += size) {
        for (int k = 0; k < half; k++) {
          double wr = cos[k * step];
          double wi = sign * sin[k * step];
          int a = start + k;
          int b = a + half;
          // butterfly: (a, b) <- (a + w b, a - w b)
          double tr = wr * re[b] - wi * im[b];
          double ti = wr * im[b] + wi * re[b];
          re[b] = re[a] - tr;
          im[b] = im[a] - ti;
          re[a] += tr;
          im[a] += ti;
        }
      }
    }
  }

  /** 2-D transform of an n x n array stored row-major ({@code re[y * n + x]}), rows then columns. */
  void transform2d(double[] re, double[] im, boolean inverse) {
    if (re.length != n * n || im.length != n * n) {
      throw new IllegalArgumentException("2-D FFT needs " + n + "x" + n + " arrays");
    }
    for (int y = 0; y < n; y++) {
      System.arraycopy(re, y * n, rowRe, 0, n);
      System.arraycopy(im, y * n, rowIm, 0, n);
      transform(rowRe, rowIm, inverse);
      System.arraycopy(rowRe, 0, re, y * n, n);
      System.arraycopy(rowIm, 0, im, y * n, n);
    }
    for (int x = 0; x < n; x++) {
      for (int y = 0; y < n; y++) {
        rowRe[y] = re[y * n + x];
        rowIm[y] = im[y * n + x];
      }
      transform(rowRe, rowIm, inverse);
      for (int y = 0; y < n; y++) {
        re[y * n + x] = rowRe[y];
        im[y * n + x] = rowIm[y];
      }
    }
  }
}
