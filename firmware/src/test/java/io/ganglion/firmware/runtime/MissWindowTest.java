package io.ganglion.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MissWindowTest {

  @Test
  void countsTheMissesAmongTheLatestReleasesOnly() {
    MissWindow w = new MissWindow(4);
    w.push(true);
    w.push(true);
    w.push(false);
    assertEquals(2, w.misses());
    assertEquals(3, w.releases());
    w.push(false); // full: miss miss ok ok
    w.push(false); // the oldest miss leaves
    assertEquals(1, w.misses());
    assertEquals(4, w.releases());
    w.push(false);
    assertEquals(0, w.misses());
  }

  @Test
  void agreesWithAQueueOfOutcomesOverARandomRunAcrossWordBoundaries() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int size : new int[] {1, 63, 64, 65, 100, 130}) {
      MissWindow w = new MissWindow(size);
      ArrayDeque<Boolean> q = new ArrayDeque<>();
      for (int i = 0; i < 5_000; i++) {
        int op = rnd.nextInt(10);
        if (op == 0) {
          long n = rnd.nextInt(3 * size);
          w.pushMisses(n);
          for (long k = 0; k < n; k++) {
            q.addLast(true);
          }
        } else if (op == 1) {
          w.markLatestMissed();
          if (!q.isEmpty()) {
            q.removeLast();
            q.addLast(true);
          }
        } else {
          boolean miss = rnd.nextInt(4) == 0;
          w.push(miss);
          q.addLast(miss);
        }
        while (q.size() > size) {
          q.removeFirst();
        }
        assertEquals(q.size(), w.releases(), "size " + size + " step " + i);
        assertEquals(q.stream().filter(b -> b).count(), w.misses(), "size " + size + " step " + i);
      }
    }
  }

  @Test
  void aHugeDropFillsTheWindowWithMisses() {
    MissWindow w = new MissWindow(100);
    w.push(false);
    w.pushMisses(10_000_000_000L);
    assertEquals(100, w.misses());
    assertEquals(100, w.releases());
  }

  @Test
  void clearForgetsEverything() {
    MissWindow w = new MissWindow(8);
    w.pushMisses(5);
    w.clear();
    assertEquals(0, w.misses());
    assertEquals(0, w.releases());
    w.markLatestMissed();
    assertEquals(0, w.misses(), "nothing to mark");
  }

  @Test
  void refusesAnEmptyOrHugeWindow() {
    assertThrows(IllegalArgumentException.class, () -> new MissWindow(0));
    assertThrows(IllegalArgumentException.class, () -> new MissWindow(MissWindow.MAX_RELEASES + 1));
  }
}
