package io.ganglion.sim.dvs;

/** The kinds of moving texture the simulator shows. */
public enum TextureKind {
  /** 1/f noise ({@link NoiseTexture}). */
  NOISE,
  /** A sine or square grating ({@link GratingTexture}). */
  GRATING;

  /** Parses {@code noise} or {@code grating} (case-insensitive). */
  public static TextureKind parse(String name) {
    for (TextureKind k : values()) {
      if (k.name().equalsIgnoreCase(name.strip())) {
        return k;
      }
    }
    throw new io.ganglion.drivers.InvalidInputException("texture must be noise or grating, got '" + name + "'");
  }
}
