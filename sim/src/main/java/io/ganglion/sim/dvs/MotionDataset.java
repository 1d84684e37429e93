package io.ganglion.sim.dvs;

import io.ganglion.drivers.InvalidInputException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * N labelled movies with balanced classes, deterministic from a seed. Movie i has the seed
 * {@link #movieSeed(long, int) movieSeed(seed, i)} and the class {@link #classOf(int)}: the
 * indices are cut into blocks of K = classes.count() movies and each block holds every class once,
 * in an order shuffled by (seed, block). So any single movie can be regenerated alone, and N a
 * multiple of K gives exactly N/K movies per class. Use different seeds for training and held-out
 * sets.
 */
public final class MotionDataset implements Iterable<MotionMovie> {

  private final MotionMovieConfig config;
  private final int size;
  private final long seed;

  /**
   * @param size number of movies, >= 1
   */
  public MotionDataset(MotionMovieConfig config, int size, long seed) {
    if (size < 1) {
      throw new InvalidInputException("a dataset needs at least one movie, got " + size);
    }
    this.config = config;
    this.size = size;
    this.seed = seed;
  }

  /** The seed of movie {@code index} of the dataset with seed {@code datasetSeed}. */
  public static long movieSeed(long datasetSeed, int index) {
    return Seeds.derive(datasetSeed, 0x100000000L + index);
  }

  public MotionMovieConfig config() {
    return config;
  }

  public int size() {
    return size;
  }

  public long seed() {
    return seed;
  }

  public long movieSeed(int index) {
    check(index);
    return movieSeed(seed, index);
  }

  /** The class of movie {@code index}: entry (index mod K) of block (index / K)'s shuffled classes. */
  public int classOf(int index) {
    check(index);
    int k = config.classes().count();
    int block = index / k;
    int[] order = new int[k];
    for (int i = 0; i < k; i++) {
      order[i] = i;
    }
    // Fisher-Yates, seeded by (dataset seed, block)
    SplittableRandom random = new SplittableRandom(Seeds.derive(Seeds.derive(seed, Seeds.CLASSES), block));
    for (int i = k - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order[index % k];
  }

  /** Movie {@code index}. */
  public MotionMovie movie(int index) {
    return MotionMovie.generate(config, classOf(index), movieSeed(index));
  }

  /** The movies in index order. */
  @Override
  public Iterator<MotionMovie> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public MotionMovie next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        return movie(next++);
      }
    };
  }

  private void check(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("movie " + index + " outside 0.." + (size - 1));
    }
  }
}
