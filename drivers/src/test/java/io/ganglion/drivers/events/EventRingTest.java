package io.ganglion.drivers.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventRingTest {

  @Test
  void keepsOrderAcrossTheWrapAndRefusesWhenFull() {
    EventRing ring = new EventRing(5);
    assertEquals(8, ring.capacity());
    EventBuffer out = new EventBuffer(3);
    long t = 0;
    long expected = 0;
    for (int round = 0; round < 10; round++) {
      for (int i = 0; i < 5; i++) {
        assertTrue(ring.offer((int) t, 0, t, (byte) 1));
        t++;
      }
      ring.publish();
      for (int k = 0; k < 2; k++) {
        out.clear();
        ring.drainTo(out);
        for (int i = 0; i < out.count(); i++) {
          assertEquals(expected++, out.tUs[i]);
        }
      }
      while (true) {
        out.clear();
        if (ring.drainTo(out) == 0) {
          break;
        }
        for (int i = 0; i < out.count(); i++) {
          assertEquals(expected++, out.tUs[i]);
        }
      }
    }
    assertEquals(t, expected);
    for (int i = 0; i < 8; i++) {
      assertTrue(ring.offer(1, 1, 1, (byte) 0));
    }
    assertFalse(ring.offer(1, 1, 1, (byte) 0));
    out.clear();
    assertEquals(0, ring.drainTo(out), "nothing is visible before publish");
  }
}
