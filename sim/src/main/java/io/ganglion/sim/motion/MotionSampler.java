package io.ganglion.sim.motion;

import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.sim.dvs.MotionDataset;
import io.ganglion.sim.dvs.MotionMovie;
import io.ganglion.sim.dvs.MotionTrack;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * Draws training samples from labelled movies: events whose layer window (the D bins before their
 * own) lies inside the movie and inside one motion segment (so the label is unambiguous) and that
 * see at least {@code minFeatures} features (the event itself counts one); {@code perMovie} of
 * them per movie, uniformly (reservoir sampling from a generator seeded by (seed, movie index)).
 * Deterministic.
 */
public final class MotionSampler {

  private MotionSampler() {}

  /** Samples of every movie of {@code dataset}; {@code moviesDone} hears the count after each movie (may be null). */
  public static MotionSampleSet sample(MotionGeometry g, MotionDataset dataset, int perMovie, int minFeatures,
      long seed, IntConsumer moviesDone) {
    MotionSampleSet set = new MotionSampleSet();
    sample(set, g, dataset, perMovie, minFeatures, seed, moviesDone);
    return set;
  }

  /** Adds the samples of every movie of {@code dataset} to {@code set}. */
  public static void sample(MotionSampleSet set, MotionGeometry g, MotionDataset dataset, int perMovie,
      int minFeatures, long seed, IntConsumer moviesDone) {
    if (perMovie < 1) {
      throw new IllegalArgumentException("samples per movie must be >= 1, got " + perMovie);
    }
    for (int i = 0; i < dataset.size(); i++) {
      MotionMovie movie = dataset.movie(i);
      addMovie(set, g, movie, perMovie, minFeatures, new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i));
      if (moviesDone != null) {
        moviesDone.accept(i + 1);
      }
    }
  }

  static void addMovie(MotionSampleSet set, MotionGeometry g, MotionMovie movie, int perMovie, int minFeatures,
      SplittableRandom rnd) {
    EventBuffer events = movie.allEvents();
    MotionTrack track = movie.track();
    int[][] kept = new int[perMovie][];
    int[] labels = new int[perMovie];
    long[] seen = {0};
    MotionEventFeatures.forEach(g, movie.size().width(), movie.size().height(), events, (i, x, y, t, bin, f, n) -> {
      long startUs = (bin - g.delays() + 1) * g.binUs();
      if (n < minFeatures || startUs < 0 || track.segmentIndexAt(startUs) != track.segmentIndexAt(t)) {
        return;
      }
      long s = seen[0]++;
      int slot = s < perMovie ? (int) s : (int) rnd.nextLong(s + 1);
      if (slot < perMovie) {
        kept[slot] = Arrays.copyOf(f, n);
        labels[slot] = track.classAt(t);
      }
    });
    int take = (int) Math.min(perMovie, seen[0]);
    for (int j = 0; j < take; j++) {
      set.add(kept[j], kept[j].length, labels[j]);
    }
  }
}
