package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.events.EventBuffer;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MotionDatasetTest {

  private static final MotionMovieConfig CONFIG = MotionMovieConfig.of(16, 16, 20_000, new MotionClasses(8, 0.25, 0.5));

  @Test
  void everyBlockOfKMoviesHoldsEveryClassOnceInAShuffledOrder() {
    MotionDataset d = new MotionDataset(CONFIG, 16 * 5, 1);
    int[] perClass = new int[16];
    boolean shuffled = false;
    for (int b = 0; b < 5; b++) {
      Set<Integer> seen = new HashSet<>();
      for (int i = 0; i < 16; i++) {
        int c = d.classOf(b * 16 + i);
        seen.add(c);
        perClass[c]++;
        shuffled |= c != i;
      }
      assertEquals(16, seen.size(), "block " + b);
    }
    for (int n : perClass) {
      assertEquals(5, n);
    }
    assertTrue(shuffled);
  }

  @Test
  void anyMovieRegeneratesAloneWithTheSameEvents() {
    MotionDataset d = new MotionDataset(CONFIG, 40, 9);
    int i = 0;
    for (MotionMovie m : d) {
      if (i == 37) {
        MotionMovie alone = new MotionDataset(CONFIG, 40, 9).movie(37);
        assertEquals(m.classIndex(), alone.classIndex());
        assertEquals(m.seed(), alone.seed());
        EventBuffer a = m.allEvents();
        EventBuffer b = alone.allEvents();
        assertTrue(a.count() > 100);
        assertEquals(a.count(), b.count());
        assertArrayEquals(a.tUs, b.tUs);
        assertArrayEquals(a.x, b.x);
      }
      i++;
    }
    assertEquals(40, i);
  }

  @Test
  void moviesHaveDistinctSeedsAndTheirLabelMatchesTheirMotion() {
    MotionDataset d = new MotionDataset(CONFIG, 32, 3);
    Set<Long> seeds = new HashSet<>();
    for (int i = 0; i < d.size(); i++) {
      seeds.add(d.movieSeed(i));
      MotionMovie m = d.movie(i);
      assertEquals(d.classOf(i), m.classIndex());
      assertEquals(CONFIG.classes().directionDegOfClass(m.classIndex()), m.directionDeg());
      assertEquals(CONFIG.classes().speedOfClassPxPerMs(m.classIndex()), m.track().speedPxPerMsAt(10_000));
    }
    assertEquals(32, seeds.size());
    assertNotEquals(new MotionDataset(CONFIG, 32, 4).movieSeed(0), d.movieSeed(0));
  }
}
