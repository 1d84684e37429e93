package io.ganglion.sim.dvs;

/**
 * Derives independent seeds from one seed (SplitMix64's finaliser), so that every random stream of
 * a movie (texture, path, pixel mismatch, noise) and every movie of a dataset has its own seed that
 * depends only on (parent seed, salt).
 */
final class Seeds {

  /** Salt of the texture stream. */
  static final long TEXTURE = 0x7E7_0001L;
  /** Salt of the saccade path stream. */
  static final long PATH = 0x7E7_0002L;
  /** Salt of the sensor stream (threshold mismatch and noise). */
  static final long SENSOR = 0x7E7_0003L;
  /** Salt of the threshold mismatch stream inside the sensor. */
  static final long MISMATCH = 0x7E7_0004L;
  /** Salt of the background noise stream inside the sensor. */
  static final long NOISE = 0x7E7_0005L;
  /** Salt of a dataset's per-block class permutations. */
  static final long CLASSES = 0x7E7_0006L;

  private Seeds() {}

  /** mix64(seed + (salt + 1) * golden gamma): a well-spread seed for the stream named by {@code salt}. */
  static long derive(long seed, long salt) {
    return mix64(seed + (salt + 1) * 0x9E3779B97F4A7C15L);
  }

  /** SplitMix64's output function (Steele, Lea, Flood 2014). */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
