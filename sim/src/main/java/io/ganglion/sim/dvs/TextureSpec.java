package io.ganglion.sim.dvs;

import io.ganglion.drivers.InvalidInputException;
import java.util.SplittableRandom;

/**
 * What texture a movie shows; {@link #create} builds it from a seed.
 *
 * @param kind noise or grating
 * @param alpha noise only: spectral amplitude exponent (amplitude ~ 1/f^alpha), in [0, 4]
 * @param periodPx grating only: spatial period in pixels, >= 2
 * @param orientationDeg grating only: direction of the wave vector (deg, image convention); NaN =
 *     along the motion (the stripes are perpendicular to the first motion direction)
 * @param profile grating only: sine or square
 * @param meanIntensity mean intensity, > 0 (the sensor sees only log-intensity changes, so this
 *     only matters for documentation and extensions)
 * @param contrast peak contrast in (0, 1): intensities lie in mean * [1 - contrast, 1 + contrast]
 * @param sizePx noise only: side of the periodic image (power of two >= 8); 0 = automatic: the
 *     next power of two >= max(64, 2 * max(width, height))
 */
public record TextureSpec(TextureKind kind, double alpha, double periodPx, double orientationDeg,
    GratingProfile profile, double meanIntensity, double contrast, int sizePx) {

  /** Default mean intensity. */
  public static final double DEFAULT_MEAN = 0.5;
  /** Default peak contrast. */
  public static final double DEFAULT_CONTRAST = 0.8;
  /** Default noise exponent (natural images: power ~ 1/f^2, amplitude ~ 1/f). */
  public static final double DEFAULT_ALPHA = 1.0;
  /** Default grating period in pixels. */
  public static final double DEFAULT_PERIOD_PX = 16;

  /** Validates the fields. */
  public TextureSpec {
    if (kind == null || profile == null) {
      throw new InvalidInputException("texture kind and grating profile must be given");
    }
    checkIntensity(meanIntensity, contrast);
    if (!(alpha >= 0 && alpha <= 4)) {
      throw new InvalidInputException("noise spectral exponent alpha must be in [0, 4], got " + alpha);
    }
    if (!(periodPx >= 2 && periodPx <= 1e6)) {
      throw new InvalidInputException("grating period must be between 2 and 1e6 px, got " + periodPx);
    }
    if (Double.isInfinite(orientationDeg)) {
      throw new InvalidInputException("grating orientation must be finite (or NaN for 'along the motion')");
    }
    if (sizePx != 0 && (sizePx < 8 || Integer.bitCount(sizePx) != 1)) {
      throw new InvalidInputException("noise texture size must be 0 (automatic) or a power of two >= 8, got " + sizePx);
    }
  }

  /** 1/f noise with alpha 1, mean 0.5, contrast 0.8, automatic size. */
  public static TextureSpec noise() {
    return new TextureSpec(TextureKind.NOISE, DEFAULT_ALPHA, DEFAULT_PERIOD_PX, Double.NaN, GratingProfile.SINE,
        DEFAULT_MEAN, DEFAULT_CONTRAST, 0);
  }

  /** A sine grating of the given period, stripes perpendicular to the motion, mean 0.5, contrast 0.8. */
  public static TextureSpec grating(double periodPx) {
    return new TextureSpec(TextureKind.GRATING, DEFAULT_ALPHA, periodPx, Double.NaN, GratingProfile.SINE,
        DEFAULT_MEAN, DEFAULT_CONTRAST, 0);
  }

  public TextureSpec withAlpha(double a) {
    return new TextureSpec(kind, a, periodPx, orientationDeg, profile, meanIntensity, contrast, sizePx);
  }

  public TextureSpec withPeriodPx(double p) {
    return new TextureSpec(kind, alpha, p, orientationDeg, profile, meanIntensity, contrast, sizePx);
  }

  /** Fixed wave-vector orientation in degrees; NaN = along the motion. */
  public TextureSpec withOrientationDeg(double deg) {
    return new TextureSpec(kind, alpha, periodPx, deg, profile, meanIntensity, contrast, sizePx);
  }

  public TextureSpec withProfile(GratingProfile p) {
    return new TextureSpec(kind, alpha, periodPx, orientationDeg, p, meanIntensity, contrast, sizePx);
  }

  public TextureSpec withContrast(double c) {
    return new TextureSpec(kind, alpha, periodPx, orientationDeg, profile, meanIntensity, c, sizePx);
  }

  public TextureSpec withMeanIntensity(double m) {
    return new TextureSpec(kind, alpha, periodPx, orientationDeg, profile, m, contrast, sizePx);
  }

  public TextureSpec withSizePx(int s) {
    return new TextureSpec(kind, alpha, periodPx, orientationDeg, profile, meanIntensity, contrast, s);
  }

  /** The noise image side used for a {@code widthPx x heightPx} sensor. */
  public int noiseSizeFor(int widthPx, int heightPx) {
    if (sizePx != 0) {
      return sizePx;
    }
    int need = Math.max(64, 2 * Math.max(widthPx, heightPx));
    return Integer.highestOneBit(need - 1) << 1;
  }

  /**
   * Builds the texture for a {@code widthPx x heightPx} sensor, deterministically from {@code seed}:
   * noise gets its random phases from it, a grating its phase at the origin.
   *
   * @param motionDirectionDeg the (first) motion direction, used when the grating orientation is NaN
   */
  public Texture create(int widthPx, int heightPx, double motionDirectionDeg, long seed) {
    if (kind == TextureKind.NOISE) {
      return NoiseTexture.generate(noiseSizeFor(widthPx, heightPx), alpha, meanIntensity, contrast, seed);
    }
    double orientation = Double.isNaN(orientationDeg) ? motionDirectionDeg : orientationDeg;
    double phase = new SplittableRandom(seed).nextDouble();
    return new GratingTexture(periodPx, orientation, phase, profile, meanIntensity, contrast);
  }

  /** A one-word description: {@code noise(alpha=1.0)} or {@code grating(sine, 16.0 px)}. */
  public String describe() {
    return kind == TextureKind.NOISE
        ? String.format(java.util.Locale.ROOT, "noise(alpha=%.2f, contrast=%.2f)", alpha, contrast)
        : String.format(java.util.Locale.ROOT, "grating(%s, %.1f px, contrast=%.2f)", profile.name().toLowerCase(java.util.Locale.ROOT),
            periodPx, contrast);
  }

  static void checkIntensity(double meanIntensity, double contrast) {
    if (!(meanIntensity > 0 && meanIntensity < 1e9)) {
      throw new InvalidInputException("mean intensity must be a positive number, got " + meanIntensity);
    }
    if (!(contrast > 0 && contrast < 1)) {
      throw new InvalidInputException("contrast must be in (0, 1) so that intensities stay positive, got " + contrast);
    }
  }
}
