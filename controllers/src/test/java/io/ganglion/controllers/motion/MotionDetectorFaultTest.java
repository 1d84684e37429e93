package io.ganglion.controllers.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.FaultFlags;
import io.ganglion.controllers.fixed.Q16;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Data never makes the detector throw: bad events are dropped, flagged and counted. */
class MotionDetectorFaultTest {

  private static final MotionGeometry G = new MotionGeometry(4, 1_000, 1, 4, 20_000);

  private static MotionDetector detector() {
    return new MotionDetector(MotionTestSupport.randomKernel(1, G, 3), MotionDetectorConfig.of(16, 12));
  }

  private static MotionOutputs step(MotionDetector det, int x, int y, long t, int p) {
    MotionInputs in = new MotionInputs(1);
    in.x[0] = x;
    in.y[0] = y;
    in.tUs[0] = t;
    in.polarity[0] = (byte) p;
    in.count = 1;
    MotionOutputs out = det.newOutputs();
    det.step(in, out);
    return out;
  }

  @Test
  void eventsOutsideTheSensorOrWithBadFieldsAreDroppedAndFlagged() {
    MotionDetector det = detector();
    for (int[] bad : new int[][] {{16, 0, 1}, {-1, 0, 1}, {0, 12, 1}, {0, -5, 0}, {3, 3, 2}, {3, 3, -1}}) {
      MotionOutputs out = step(det, bad[0], bad[1], 1_000, bad[2]);
      assertEquals(FaultFlags.INPUT_OUT_OF_RANGE, out.faultFlags, "event " + java.util.Arrays.toString(bad));
    }
    MotionOutputs out = step(det, 3, 3, -1, 1);
    assertEquals(FaultFlags.INPUT_OUT_OF_RANGE, out.faultFlags, "negative time");
    assertEquals(7, out.eventsOutOfRange);
    assertEquals(0, out.eventsProcessed);
    assertEquals(0, step(det, 15, 11, 1_000, 1).faultFlags, "the last pixel is in range");
  }

  @Test
  void eventsBeyondTheBackwardsToleranceAreDroppedWithinItClamped() {
    MotionDetector det = detector(); // tolerance 1 ms
    step(det, 1, 1, 10_000, 1);
    MotionOutputs within = step(det, 1, 1, 9_000, 1);
    assertEquals(0, within.faultFlags);
    assertEquals(1, within.eventsClamped);
    MotionOutputs beyond = step(det, 1, 1, 8_999, 1);
    assertEquals(FaultFlags.INPUT_OUT_OF_ORDER, beyond.faultFlags);
    assertEquals(1, beyond.eventsOutOfOrder);
    assertEquals(2, beyond.eventsProcessed);
  }

  @Test
  void eventSaysWhetherItTookTheEventAndDroppedOnesMoveNoClock() {
    MotionDetector det = detector(); // 16 x 12, tolerance 1 ms, 1 ms bins
    MotionOutputs out = det.newOutputs();
    assertTrue(det.inRange(15, 11, 0, 1) && !det.inRange(16, 0, 0, 0) && !det.inRange(0, 12, 0, 0)
        && !det.inRange(0, 0, -1, 0) && !det.inRange(0, 0, MotionDetector.MAX_TIME_US + 1, 0) && !det.inRange(0, 0, 0, 2));
    assertTrue(det.event(3, 3, 10_000, 1, out));
    assertFalse(det.event(99, 3, 50_000, 1, out), "outside the sensor");
    assertTrue(det.event(4, 3, 10_500, 0, out), "the dropped event did not move the clock to 50 ms");
    assertFalse(det.event(4, 3, 8_000, 0, out), "2.5 ms back: beyond the tolerance");
    assertTrue(det.event(4, 3, 9_800, 0, out), "0.7 ms back: clamped, taken");
    det.flush(out);
    assertEquals(3, out.eventsProcessed);
    assertEquals(1, out.eventsOutOfRange);
    assertEquals(1, out.eventsOutOfOrder);
  }

  @Test
  void inputsShorterThanTheirCountAreAShapeFault() {
    MotionDetector det = detector();
    MotionInputs in = new MotionInputs(2);
    in.count = 3;
    MotionOutputs out = det.newOutputs();
    det.step(in, out);
    assertEquals(FaultFlags.INPUT_SHAPE_MISMATCH, out.faultFlags);
    in.x = null;
    in.count = 0;
    det.step(in, out);
    assertEquals(FaultFlags.INPUT_SHAPE_MISMATCH, out.faultFlags);
  }

  @Test
  void evidenceSaturatesInsteadOfWrapping() {
    double[] w = new double[G.featureCount() * 2];
    for (int f = 0; f < G.featureCount(); f++) {
      w[f * 2] = 30_000.0; // class 0 only
    }
    MotionKernel big = MotionKernel.quantize(G, MotionTestSupport.classes(2), w, new double[2]);
    MotionDetector det = new MotionDetector(big, MotionDetectorConfig.of(4, 4));
    int[] event = {0};
    int[] readout = {0};
    det.setEvidenceObserver(new EvidenceObserver() {
      @Override
      public void event(long tUs, int x, int y, int[] e) {
        event[0] = e[0];
      }

      @Override
      public void readout(long bin, int cellX, int cellY, int[] v) {
        readout[0] = v[0] - v[1];
      }
    });
    MotionInputs in = new MotionInputs(3);
    in.set(0, 1, 1, 0, true).set(1, 2, 2, 10, true).set(2, 3, 3, 20, true);
    in.count = 3;
    in.advanceToUs = 1_000;
    MotionOutputs out = det.newOutputs();
    det.step(in, out);
    assertEquals(Q16.MAX, event[0], "the third event sees itself and (2, 2): 2 x 30000 saturates at the Q16.16 maximum, not wrapped to negative");
    assertTrue(readout[0] > 0, "the neuron's class 0 still leads after saturating: " + readout[0]);
    assertTrue((out.faultFlags & FaultFlags.INTERNAL_SATURATION) != 0);
    assertTrue(out.saturations > 0);
  }

  @Test
  void randomGarbageNeverThrows() {
    MotionDetector det = detector();
    MotionOutputs out = det.newOutputs();
    SplittableRandom rnd = new SplittableRandom(99);
    MotionInputs in = new MotionInputs(512);
    for (int round = 0; round < 200; round++) {
      for (int i = 0; i < 512; i++) {
        in.x[i] = rnd.nextInt(-5, 25);
        in.y[i] = rnd.nextInt(-5, 20);
        in.tUs[i] = rnd.nextInt(10) == 0 ? rnd.nextLong() : round * 10_000L + rnd.nextLong(20_000);
        in.polarity[i] = (byte) rnd.nextInt(-1, 3);
      }
      in.count = 512;
      in.advanceToUs = rnd.nextInt(4) == 0 ? rnd.nextLong() : MotionInputs.NO_ADVANCE;
      det.step(in, out);
    }
    assertTrue(out.eventsProcessed > 0 && out.eventsOutOfRange > 0 && out.eventsOutOfOrder > 0);
  }

  @Test
  void aLongGapForgetsThePastWithoutReadingOutEmptyBins() {
    MotionDetector det = detector();
    int[] reads = {0};
    int[] last = new int[3];
    det.setEvidenceObserver(new EvidenceObserver() {
      @Override
      public void event(long tUs, int x, int y, int[] e) {
        System.arraycopy(e, 0, last, 0, 3);
      }

      @Override
      public void readout(long bin, int cellX, int cellY, int[] v) {
        reads[0]++;
      }
    });
    MotionOutputs out = det.newOutputs();
    det.event(1, 1, 1_000, 1, out);
    int[] alone = last.clone();
    det.event(1, 1, Long.MAX_VALUE / 4, 1, out); // an absurd jump forward: one readout (bin 1), not 10^15
    assertEquals(1, reads[0]);
    assertEquals(java.util.Arrays.toString(alone), java.util.Arrays.toString(last),
        "the earlier event is far older than D bins: the later one sees only itself");
  }
}
