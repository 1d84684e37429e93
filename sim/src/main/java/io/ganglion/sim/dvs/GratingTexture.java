package io.ganglion.sim.dvs;

/**
 * An infinite grating: {@code I(u, v) = mean * (1 + contrast * w(phase + (u cos theta + v sin
 * theta) / period))} where theta is the orientation of its wave vector (the direction along which
 * the intensity varies, image convention: 0 deg = +x, 90 deg = +y, down), so at theta = 0 the
 * stripes are vertical and a motion to the right (0 deg) is seen fully; a motion along the stripes
 * (theta +- 90 deg) produces no change at all (the aperture problem).
 *
 * <p>Rendering looks the log intensity up in a table of {@value #TABLE} entries per period with
 * linear interpolation (a square grating's edge is a ramp of 1/{@value #TABLE} period).
 */
public final class GratingTexture implements Texture {

  /** Entries of the log-intensity table per period. */
  public static final int TABLE = 4096;

  private static final int FRACTION_BITS = 32 - 12;
  private static final int FRACTION_MASK = (1 << FRACTION_BITS) - 1;

  private final double periodPx;
  private final double orientationDeg;
  private final double phaseCycles;
  private final GratingProfile profile;
  private final double kxCyclesPerPx;
  private final double kyCyclesPerPx;
  private final float[] table = new float[TABLE + 1];

  /**
   * @param periodPx spatial period in pixels, >= 2
   * @param orientationDeg direction of the wave vector in degrees (image convention)
   * @param phaseCycles phase at (0, 0) in cycles
   * @param meanIntensity mean intensity, > 0
   * @param contrast peak (Michelson) contrast in (0, 1)
   */
  public GratingTexture(double periodPx, double orientationDeg, double phaseCycles, GratingProfile profile,
      double meanIntensity, double contrast) {
    if (!(periodPx >= 2 && periodPx <= 1e6)) {
      throw new io.ganglion.drivers.InvalidInputException("grating period must be between 2 and 1e6 px, got " + periodPx);
    }
    if (!Double.isFinite(orientationDeg) || !Double.isFinite(phaseCycles)) {
      throw new io.ganglion.drivers.InvalidInputException("grating orientation and phase must be finite");
    }
    TextureSpec.checkIntensity(meanIntensity, contrast);
    this.periodPx = periodPx;
    this.orientationDeg = orientationDeg;
    this.phaseCycles = phaseCycles;
    this.profile = profile;
    double theta = StrictMath.toRadians(orientationDeg);
    this.kxCyclesPerPx = MotionClasses.snap(StrictMath.cos(theta)) / periodPx;
    this.kyCyclesPerPx = MotionClasses.snap(StrictMath.sin(theta)) / periodPx;
    for (int i = 0; i <= TABLE; i++) {
      // table[i] = ln(mean * (1 + contrast * w(i / TABLE)))
      table[i] = (float) StrictMath.log(meanIntensity * (1 + contrast * profile.wave((double) (i % TABLE) / TABLE)));
    }
  }

  public double periodPx() {
    return periodPx;
  }

  public double orientationDeg() {
    return orientationDeg;
  }

  public GratingProfile profile() {
    return profile;
  }

  private double phaseAt(double u, double v) {
    return phaseCycles + u * kxCyclesPerPx + v * kyCyclesPerPx;
  }

  /** Phase in cycles as an unsigned 32-bit fraction of a cycle: floor(frac(phase) * 2^32), wrapping mod 1 cycle. */
  private static int phaseQ32(double phase) {
    return (int) (long) Math.floor((phase - Math.floor(phase)) * 4294967296.0);
  }

  /** Table lookup with linear interpolation; the top 12 bits of q index the table, the low 20 interpolate. */
  private float lookup(int q) {
    int i = q >>> FRACTION_BITS;
    float f = (q & FRACTION_MASK) * (1f / (1 << FRACTION_BITS));
    return table[i] + f * (table[i + 1] - table[i]);
  }

  @Override
  public double logIntensityAt(double u, double v) {
    return lookup(phaseQ32(phaseAt(u, v)));
  }

  @Override
  public void renderLog(double offsetXPx, double offsetYPx, int widthPx, int heightPx, float[] dest) {
    // phase(x, y) = phase(0, y) + x * kx, in 32-bit fixed point (int overflow = wrapping by whole cycles)
    int stepQ = (int) (long) Math.rint((kxCyclesPerPx - Math.floor(kxCyclesPerPx)) * 4294967296.0);
    for (int y = 0; y < heightPx; y++) {
      int rowQ = phaseQ32(phaseAt(-offsetXPx, y - offsetYPx));
      int out = y * widthPx;
      for (int x = 0; x < widthPx; x++) {
        dest[out + x] = lookup(rowQ + x * stepQ);
      }
    }
  }
}
