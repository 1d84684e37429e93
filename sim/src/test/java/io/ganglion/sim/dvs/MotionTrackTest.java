package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MotionTrackTest {

  @Test
  void constantTrackMovesTheTextureAtTheClassVelocity() {
    MotionClasses c = new MotionClasses(4, 0.5);
    MotionTrack t = MotionTrack.constant(c, 1, 100_000);
    assertEquals(1, t.segmentCount());
    assertEquals(1, t.classAt(0));
    assertEquals(1, t.classAt(100_000));
    assertEquals(0, t.offsetXAt(40_000), 1e-12);
    assertEquals(20, t.offsetYAt(40_000), 1e-12, "0.5 px/ms down for 40 ms");
    assertEquals(90, t.directionDegAt(50_000));
  }

  @Test
  void saccadesCoverTheMovieWithContinuousPositionsAndSegmentLengthsWithinBounds() {
    MotionClasses c = MotionClasses.paper();
    SaccadeConfig s = new SaccadeConfig(20_000, 40_000);
    MotionTrack t = MotionTrack.saccades(c, 7, 500_000, s, 123);
    assertEquals(7, t.classAt(0));
    assertTrue(t.segmentCount() >= 500_000 / 40_000, "segments: " + t.segmentCount());
    long end = 0;
    for (int i = 0; i < t.segmentCount(); i++) {
      MotionSegment seg = t.segment(i);
      assertEquals(end, seg.startUs(), "segments are contiguous");
      if (i < t.segmentCount() - 1) {
        assertTrue(seg.durationUs() >= 20_000 && seg.durationUs() <= 40_000, "length " + seg.durationUs());
        MotionSegment next = t.segment(i + 1);
        assertNotEquals(seg.classIndex(), next.classIndex(), "a saccade changes the class");
        assertEquals(seg.offsetXAt(seg.endUs()), next.startXPx(), 1e-9, "position is continuous");
        assertEquals(seg.offsetYAt(seg.endUs()), next.startYPx(), 1e-9);
      }
      assertEquals(seg.classIndex(), t.classAt(seg.startUs()));
      assertEquals(seg.classIndex(), t.classAt(seg.endUs() - 1));
      assertEquals(c.vxPxPerMs(seg.classIndex()), t.vxPxPerMsAt(seg.startUs()));
      end = seg.endUs();
    }
    assertEquals(500_000, end);
  }

  @Test
  void saccadesAreDeterministicInTheSeed() {
    MotionClasses c = MotionClasses.paper();
    MotionTrack a = MotionTrack.saccades(c, 0, 1_000_000, SaccadeConfig.defaults(), 5);
    MotionTrack b = MotionTrack.saccades(c, 0, 1_000_000, SaccadeConfig.defaults(), 5);
    MotionTrack other = MotionTrack.saccades(c, 0, 1_000_000, SaccadeConfig.defaults(), 6);
    assertEquals(a.segments(), b.segments());
    assertNotEquals(a.segments(), other.segments());
  }
}
