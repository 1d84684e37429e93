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

  private static void offer(EventRing ring, long... times) {
    for (long t : times) {
      assertTrue(ring.offer(0, 0, t, (byte) 1));
    }
  }

  private static String drain(EventRing ring, EventBuffer out) {
    out.clear();
    int n = ring.drainTo(out);
    StringBuilder b = new StringBuilder(ring.drainStartedStream() ? "new:" : "");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append(out.tUs[i]);
    }
    return b.toString();
  }

  @Test
  void aDrainStopsAtAStreamMarkAndTheNextOneSaysItStartsAStream() {
    EventRing ring = new EventRing(64);
    EventBuffer out = new EventBuffer(16);
    ring.markStreamStart();
    ring.publish();
    assertFalse(ring.nextStartsStream(), "the first stream's mark ends no stream before it");
    offer(ring, 1, 2, 3);
    ring.markStreamStart();
    ring.markStreamStart(); // no event between: one mark
    offer(ring, 7, 8);
    ring.markStreamStart(); // at the next event, not offered yet
    ring.publish();
    assertEquals("new:1,2,3", drain(ring, out));
    assertTrue(ring.nextStartsStream(), "the stream of 1, 2, 3 is over");
    assertEquals("new:7,8", drain(ring, out), "the second stream comes apart, marked");
    assertEquals("", drain(ring, out));
    assertTrue(ring.nextStartsStream(), "a stream has begun, its first event not offered yet");
    offer(ring, 20);
    ring.publish();
    assertEquals("new:20", drain(ring, out), "a mark made before its first event was offered waits for it");
    offer(ring, 21);
    ring.publish();
    assertEquals("21", drain(ring, out));
    assertFalse(ring.nextStartsStream());
  }

  @Test
  void aStreamLongerThanTheBufferIsMarkedOnlyAtItsStart() {
    EventRing ring = new EventRing(64);
    EventBuffer out = new EventBuffer(2);
    offer(ring, 1, 2, 3);
    ring.markStreamStart();
    offer(ring, 4, 5, 6);
    ring.publish();
    assertEquals("1,2", drain(ring, out));
    assertFalse(ring.nextStartsStream(), "3 is still to come in this stream");
    assertEquals("3", drain(ring, out), "up to the mark");
    assertTrue(ring.nextStartsStream());
    assertEquals("new:4,5", drain(ring, out));
    assertEquals("6", drain(ring, out));
    out.clear();
    out.add(0, 0, 0, true);
    out.add(0, 0, 0, true);
    ring.markStreamStart();
    offer(ring, 9);
    ring.publish();
    assertEquals(0, ring.drainTo(out), "a full buffer takes nothing, and leaves the mark");
    assertEquals("new:9", drain(ring, out));
  }

  @Test
  void marksPastTheLimitAreLostAndCounted() {
    EventRing ring = new EventRing(1024);
    for (int i = 0; i < EventRing.MARKS + 3; i++) {
      ring.markStreamStart();
      offer(ring, i);
    }
    ring.publish();
    assertEquals(3, ring.lostMarks());
    EventBuffer out = new EventBuffer(1024);
    int streams = 0;
    long events = 0;
    while (true) {
      out.clear();
      int n = ring.drainTo(out);
      if (n == 0) {
        break;
      }
      streams += ring.drainStartedStream() ? 1 : 0;
      events += n;
    }
    assertEquals(EventRing.MARKS + 3, events);
    assertEquals(EventRing.MARKS, streams, "the last three streams come as one with the 64th");
  }

  @Test
  void underTwoThreadsEveryDrainHoldsOneStreamAndSaysWhereItStarts() throws Exception {
    // events carry their stream in x and their index in it in y; streams of 1..40 events
    EventRing ring = new EventRing(32); // at most 33 marks pending: none lost
    int streams = 20_000;
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(7);
    int[] lengths = new int[streams];
    long total = 0;
    for (int i = 0; i < streams; i++) {
      lengths[i] = 1 + rnd.nextInt(40);
      total += lengths[i];
    }
    Thread producer = new Thread(() -> {
      for (int st = 0; st < streams; st++) {
        ring.markStreamStart();
        for (int k = 0; k < lengths[st]; k++) {
          while (!ring.offer(st, k, 0, (byte) 0)) {
            ring.publish();
            Thread.onSpinWait();
          }
          if ((k & 7) == 7) {
            ring.publish();
          }
        }
        ring.publish();
      }
    });
    producer.start();
    EventBuffer out = new EventBuffer(13);
    long got = 0;
    int expectStream = 0;
    int expectIndex = 0;
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (got < total && System.nanoTime() < deadline) {
      out.clear();
      int n = ring.drainTo(out);
      if (n == 0) {
        Thread.onSpinWait();
        continue;
      }
      if (out.y[0] == 0 && out.x[0] != expectStream) {
        // the previous stream ended exactly at the last drain
        assertEquals(lengths[expectStream], expectIndex, "stream " + expectStream + " complete");
        expectStream++;
        expectIndex = 0;
      }
      assertEquals(out.y[0] == 0, ring.drainStartedStream(), "drainStartedStream iff the drain begins a stream");
      for (int i = 0; i < n; i++) {
        assertEquals(expectStream, out.x[i], "one stream per drain");
        assertEquals(expectIndex++, out.y[i]);
      }
      if (ring.nextStartsStream()) {
        assertEquals(lengths[expectStream], expectIndex, "a later stream has begun only once this one is complete");
      }
      got += n;
    }
    producer.join(10_000);
    assertEquals(total, got);
    assertEquals(0, ring.lostMarks());
  }
}
