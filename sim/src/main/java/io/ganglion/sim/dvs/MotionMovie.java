package io.ganglion.sim.dvs;

import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.SensorSize;

/**
 * A labelled simulated event movie: a texture moving with a known class (or a saccade-like walk
 * starting with that class), seen by the DVS model. Everything is derived from (config, class,
 * seed): the texture from {@code derive(seed, TEXTURE)}, the walk from {@code derive(seed, PATH)},
 * the sensor's mismatch and noise from {@code derive(seed, SENSOR)}; so the same arguments give the
 * same events, and each call of {@link #newSimulator()} replays the movie from the start.
 */
public final class MotionMovie {

  private final MotionMovieConfig config;
  private final int classIndex;
  private final long seed;
  private final MotionTrack track;
  private Texture texture;

  private MotionMovie(MotionMovieConfig config, int classIndex, long seed, MotionTrack track) {
    this.config = config;
    this.classIndex = classIndex;
    this.seed = seed;
    this.track = track;
  }

  /**
   * The movie of class {@code classIndex} (its first segment's class when the config has saccades).
   */
  public static MotionMovie generate(MotionMovieConfig config, int classIndex, long seed) {
    MotionTrack track = config.saccades() == null
        ? MotionTrack.constant(config.classes(), classIndex, config.durationUs())
        : MotionTrack.saccades(config.classes(), classIndex, config.durationUs(), config.saccades(),
            Seeds.derive(seed, Seeds.PATH));
    return new MotionMovie(config, classIndex, seed, track);
  }

  public MotionMovieConfig config() {
    return config;
  }

  /** The class at t = 0 (without saccades: the class of the whole movie). */
  public int classIndex() {
    return classIndex;
  }

  public long seed() {
    return seed;
  }

  /** Direction of {@link #classIndex()} in degrees (image convention: 0 = right, 90 = down). */
  public double directionDeg() {
    return config.classes().directionDegOfClass(classIndex);
  }

  /** Speed of {@link #classIndex()} in px/ms. */
  public double speedPxPerMs() {
    return config.classes().speedOfClassPxPerMs(classIndex);
  }

  public double vxPxPerMs() {
    return config.classes().vxPxPerMs(classIndex);
  }

  public double vyPxPerMs() {
    return config.classes().vyPxPerMs(classIndex);
  }

  /** The label track: class, direction, speed and velocity at every time. */
  public MotionTrack track() {
    return track;
  }

  public SensorSize size() {
    return config.size();
  }

  public long durationUs() {
    return config.durationUs();
  }

  /** True when the class changes during the movie. */
  public boolean hasSaccades() {
    return track.segmentCount() > 1;
  }

  /** The texture (built on first use, then kept; immutable, so simulators may share it). */
  public synchronized Texture texture() {
    if (texture == null) {
      texture = config.texture().create(config.widthPx(), config.heightPx(), directionDeg(), Seeds.derive(seed, Seeds.TEXTURE));
    }
    return texture;
  }

  /** A simulator positioned at the start of the movie. */
  public DvsSimulator newSimulator() {
    return new DvsSimulator(config.size(), texture(), track, config.sensor(), Seeds.derive(seed, Seeds.SENSOR));
  }

  /** All events of the movie in one buffer of exactly the needed capacity (allocates; for tools and training). */
  public EventBuffer allEvents() {
    DvsSimulator sim = newSimulator();
    EventBuffer chunk = new EventBuffer(1 << 15);
    EventBuffer all = new EventBuffer(1 << 15);
    while (sim.next(chunk) > 0) {
      if (all.remaining() < chunk.count()) {
        EventBuffer bigger = new EventBuffer(Math.max(all.capacity() * 2, all.count() + chunk.count()));
        bigger.append(all, 0, all.count());
        all = bigger;
      }
      all.append(chunk, 0, chunk.count());
    }
    EventBuffer exact = new EventBuffer(Math.max(1, all.count()));
    exact.append(all, 0, all.count());
    return exact;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "MotionMovie[class %d: %.1f deg, %.2f px/ms%s, %dx%d, %d us, seed %d]",
        classIndex, directionDeg(), speedPxPerMs(), hasSaccades() ? " + saccades" : "", config.widthPx(), config.heightPx(),
        config.durationUs(), seed);
  }
}
