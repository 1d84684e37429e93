package io.ganglion.controllers.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The epoch sweep (8 entries per long) against its byte-by-byte definition, for every clock byte. */
class TimeSurfaceTest {

  @Test
  void sweepSetsExactlyTheEntriesOfAge64OrMoreToAge128() {
    int sweeps = 0;
    SplittableRandom rnd = new SplittableRandom(7);
    // odd sizes: the tail bytes after the last whole long take the byte path
    TimeSurface surface = new TimeSurface(13, 5, 1);
    byte[] before = new byte[surface.bins.length];
    for (int cur = 0; cur < 256; cur++) {
      long to = 1000L * 256 + cur;
      // from the last bin of the previous epoch (a sweep), unless that is 64 bins back (a refill)
      long from = to % TimeSurface.EPOCH < TimeSurface.EPOCH - 1 ? to - to % TimeSurface.EPOCH - 1 : to - 1;
      surface.reset();
      surface.moveTo(from);
      rnd.nextBytes(surface.bins);
      System.arraycopy(surface.bins, 0, before, 0, before.length);
      boolean crossesEpoch = to / TimeSurface.EPOCH != from / TimeSurface.EPOCH;
      assertEquals(cur, surface.moveTo(to));
      sweeps += crossesEpoch ? 1 : 0;
      for (int i = 0; i < before.length; i++) {
        int age = (cur - before[i]) & 0xFF;
        byte expected = crossesEpoch && age >= TimeSurface.EPOCH ? (byte) (cur - 128) : before[i];
        assertEquals(expected, surface.bins[i], "clock byte " + cur + ", entry " + i + " of age " + age);
      }
    }
    assertEquals(252, sweeps, "every clock byte but 63, 127, 191 and 255 is reached by a sweep");
  }
}
