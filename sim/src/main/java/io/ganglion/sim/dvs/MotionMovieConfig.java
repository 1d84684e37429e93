package io.ganglion.sim.dvs;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.SensorSize;

/**
 * Everything but the class and the seed of a labelled motion movie ({@link MotionMovie}).
 *
 * @param widthPx sensor width, 1..2048
 * @param heightPx sensor height, 1..2048
 * @param durationUs movie length in us, > 0
 * @param classes the motion classes (class layout: speedIndex * D + directionIndex)
 * @param texture the texture kind and its parameters
 * @param sensor the DVS pixel model
 * @param saccades null = one class for the whole movie; else a saccade-like random walk starting
 *     with the movie's class
 */
public record MotionMovieConfig(int widthPx, int heightPx, long durationUs, MotionClasses classes, TextureSpec texture,
    DvsSensorConfig sensor, SaccadeConfig saccades) {

  /** Validates the fields. */
  public MotionMovieConfig {
    if (widthPx < 1 || heightPx < 1 || widthPx > DvsSimulator.MAX_SIDE_PX || heightPx > DvsSimulator.MAX_SIDE_PX) {
      throw new InvalidInputException("movie size must be between 1x1 and 2048x2048, got " + widthPx + "x" + heightPx);
    }
    if (durationUs <= 0) {
      throw new InvalidInputException("movie duration must be positive, got " + durationUs + " us");
    }
    if (classes == null || texture == null || sensor == null) {
      throw new InvalidInputException("movie config needs classes, texture and sensor");
    }
  }

  /** 1/f noise, default sensor ({@link DvsSensorConfig#defaults()}), no saccades. */
  public static MotionMovieConfig of(int widthPx, int heightPx, long durationUs, MotionClasses classes) {
    return new MotionMovieConfig(widthPx, heightPx, durationUs, classes, TextureSpec.noise(), DvsSensorConfig.defaults(), null);
  }

  public SensorSize size() {
    return new SensorSize(widthPx, heightPx);
  }

  public MotionMovieConfig withTexture(TextureSpec t) {
    return new MotionMovieConfig(widthPx, heightPx, durationUs, classes, t, sensor, saccades);
  }

  public MotionMovieConfig withSensor(DvsSensorConfig s) {
    return new MotionMovieConfig(widthPx, heightPx, durationUs, classes, texture, s, saccades);
  }

  /** null = no saccades. */
  public MotionMovieConfig withSaccades(SaccadeConfig s) {
    return new MotionMovieConfig(widthPx, heightPx, durationUs, classes, texture, sensor, s);
  }

  public MotionMovieConfig withSize(int w, int h) {
    return new MotionMovieConfig(w, h, durationUs, classes, texture, sensor, saccades);
  }

  public MotionMovieConfig withDurationUs(long us) {
    return new MotionMovieConfig(widthPx, heightPx, us, classes, texture, sensor, saccades);
  }

  public MotionMovieConfig withClasses(MotionClasses c) {
    return new MotionMovieConfig(widthPx, heightPx, durationUs, c, texture, sensor, saccades);
  }
}
