package io.ganglion.sim.dvs;

/** The waveform of a {@link GratingTexture} over one period, w(s) for s in [0, 1). */
public enum GratingProfile {
  /** w(s) = sin(2 pi s). */
  SINE,
  /** w(s) = +1 for s < 1/2, -1 otherwise (sharp edges). */
  SQUARE;

  /** The waveform value at phase {@code s} in cycles (any real; periodic). */
  public double wave(double s) {
    double f = s - Math.floor(s);
    return this == SINE ? StrictMath.sin(2 * StrictMath.PI * f) : (f < 0.5 ? 1 : -1);
  }

  /** Parses {@code sine} or {@code square} (case-insensitive). */
  public static GratingProfile parse(String name) {
    for (GratingProfile p : values()) {
      if (p.name().equalsIgnoreCase(name.strip())) {
        return p;
      }
    }
    throw new io.ganglion.drivers.InvalidInputException("grating profile must be sine or square, got '" + name + "'");
  }
}
