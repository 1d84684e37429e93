package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.sim.dvs.MotionDataset;
import io.ganglion.sim.dvs.MotionMovie;
import io.ganglion.sim.dvs.MotionTrack;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Draws training samples from labelled movies: neuron windows (cell, readout) whose D bins lie
 * inside the movie and inside one motion segment (so the label is unambiguous) and hold at least
 * {@code minWindowEvents} events; {@code perMovie} of them per movie, uniformly without
 * replacement, from a generator seeded by (seed, movie index). Deterministic.
 */
public final class MotionSampler {

  private MotionSampler() {}

  /** Samples of every movie of {@code dataset}; {@code moviesDone} hears the count after each movie (may be null). */
  public static MotionSampleSet sample(MotionGeometry g, MotionDataset dataset, int perMovie, int minWindowEvents,
      long seed, IntConsumer moviesDone) {
    MotionSampleSet set = new MotionSampleSet();
    sample(set, g, dataset, perMovie, minWindowEvents, seed, moviesDone);
    return set;
  }

  /** Adds the samples of every movie of {@code dataset} to {@code set}. */
  public static void sample(MotionSampleSet set, MotionGeometry g, MotionDataset dataset, int perMovie,
      int minWindowEvents, long seed, IntConsumer moviesDone) {
    if (perMovie < 1) {
      throw new IllegalArgumentException("samples per movie must be >= 1, got " + perMovie);
    }
    int[] features = new int[1 << 12];
    for (int i = 0; i < dataset.size(); i++) {
      MotionMovie movie = dataset.movie(i);
      EventBuffer events = movie.allEvents();
      MotionWindows windows = MotionWindows.of(g, movie.size().width(), movie.size().height(), events);
      features = addMovie(set, windows, movie.track(), movie.durationUs(), perMovie, minWindowEvents,
          new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i), features);
      if (moviesDone != null) {
        moviesDone.accept(i + 1);
      }
    }
  }

  static int[] addMovie(MotionSampleSet set, MotionWindows windows, MotionTrack track, long durationUs, int perMovie,
      int minWindowEvents, SplittableRandom rnd, int[] features) {
    MotionGeometry g = windows.geometry();
    int cells = windows.cells();
    int[] eligible = new int[Math.max(1, windows.readouts() * cells)];
    int n = 0;
    for (int r = 0; r < windows.readouts(); r++) {
      long endUs = windows.readoutTimeUs(r);
      long startUs = endUs - g.windowUs();
      if (startUs < 0 || endUs > durationUs || track.segmentIndexAt(startUs) != track.segmentIndexAt(endUs - 1)) {
        continue;
      }
      for (int c = 0; c < cells; c++) {
        if (windows.windowEvents(c, r) >= minWindowEvents) {
          eligible[n++] = r * cells + c;
        }
      }
    }
    int take = Math.min(perMovie, n);
    for (int i = 0; i < take; i++) {
      int j = i + rnd.nextInt(n - i);
      int pick = eligible[j];
      eligible[j] = eligible[i];
      eligible[i] = pick;
      int r = pick / cells;
      int cell = pick % cells;
      int size = windows.windowEvents(cell, r);
      if (size > features.length) {
        features = new int[Integer.highestOneBit(size) * 2];
      }
      int count = windows.features(cell, r, features);
      set.add(features, count, track.classAt(windows.readoutTimeUs(r) - 1));
    }
    return features;
  }
}
