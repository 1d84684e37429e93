package io.ganglion.controllers.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.FaultFlags;
import io.ganglion.controllers.fixed.Q16;
import org.junit.jupiter.api.Test;

/**
 * Where sums saturate, the result depends on the order of the adds and on when the detector
 * decides to check: these fix both to the definition (rows in the order (dy, dx, polarity); a
 * neuron checked and clamped only when its rows could overflow), whatever the gather's internal
 * order or its block layout.
 */
class MotionDetectorSaturationTest {

  @Test
  void saturatingSumsTakeTheRowsInNeighbourhoodOrder() {
    for (MotionDetectorConfig.Storage storage : MotionDetectorConfig.Storage.values()) {
      // 5 x 5 kernel, one delay; class 0: +30000 at (dy 0, dx 4) and (dy 1, dx 0), -30000 at (dy 4, dx 0)
      MotionGeometry g = new MotionGeometry(1, 1000, 2, 16, 20000);
      double[] w = new double[g.featureCount() * 2];
      w[g.featureIndex(0, 0, 0, 4) * 2] = 30000;
      w[g.featureIndex(0, 0, 1, 0) * 2] = 30000;
      w[g.featureIndex(0, 0, 4, 0) * 2] = -30000;
      MotionKernel k = MotionKernel.quantize(g, MotionTestSupport.classes(2), w, new double[2]);
      MotionDetector detector = new MotionDetector(k, MotionDetectorConfig.of(16, 16).withStorage(storage));
      MotionTestSupport.EvidenceLog seen = MotionTestSupport.EvidenceLog.of(detector);
      MotionOutputs out = detector.newOutputs();
      detector.event(10, 6, 100, 0, out); // (dy 0, dx 4) from (8, 8)
      detector.event(6, 7, 100, 0, out); // (dy 1, dx 0)
      detector.event(6, 10, 100, 0, out); // (dy 4, dx 0)
      detector.event(8, 8, 100, 0, out);
      detector.flush(out);

      int[] q = k.weightsQ16();
      int expected = Q16.add(Q16.add(q[g.featureIndex(0, 0, 0, 4) * 2], q[g.featureIndex(0, 0, 1, 0) * 2]),
          q[g.featureIndex(0, 0, 4, 0) * 2]);
      assertEquals(Q16.MAX - 1966080000, expected, "the first two saturate, the third comes off the maximum");
      assertEquals(expected, seen.events.get(3)[0], storage + ": the last event's evidence");
      // the neuron adds the four events' evidence with the same saturating adds, in the same order
      assertEquals(expected, seen.readouts.get(0)[0], storage + ": the readout");
      assertTrue((out.faultFlags & FaultFlags.INTERNAL_SATURATION) == 0 || out.saturations > 0);
    }
  }

  @Test
  void aNeuronIsClampedOnlyWhenItsRowsCouldOverflowNotForRowsSplitInBlocks() {
    // 1 x 1 kernel, 2 delays, 8 classes: the opposite-polarity rows hold 7 weights of -8192.0
    // (2^29 raw, two blocks of pairs each); at most 2 rows may be added unchecked in a bin
    MotionGeometry g = new MotionGeometry(2, 1000, 0, 16, 20000);
    int c = 8;
    double[] w = new double[g.featureCount() * c];
    for (int i = 1; i < c; i++) {
      w[g.featureIndex(1, 0, 0, 0) * c + i] = -8192.0;
      w[g.featureIndex(1, 1, 0, 0) * c + i] = -8192.0;
    }
    MotionKernel k = MotionKernel.quantize(g, MotionTestSupport.classes(c), w, new double[c]);
    MotionDetector detector = new MotionDetector(k, MotionDetectorConfig.of(16, 16));
    MotionTestSupport.EvidenceLog seen = MotionTestSupport.EvidenceLog.of(detector);
    MotionOutputs out = detector.newOutputs();
    // bin 0: one row (-2^29 per class); bin 1: one row, on what the decay left
    detector.event(3, 3, 100, 1, out);
    detector.event(3, 3, 200, 0, out);
    detector.event(3, 3, 300, 1, out);
    detector.event(3, 3, 1100, 0, out);
    detector.flush(out);

    assertEquals(0, out.saturations, "no sum left the int range, so nothing was clamped");
    assertEquals(0, out.faultFlags & FaultFlags.INTERNAL_SATURATION);
    int[] last = seen.readouts.get(seen.readouts.size() - 1);
    assertTrue(last[1] < -(1 << 30), "class 1 below the floor before the shift: " + last[1]);
  }

  @Test
  void aBurstPastTheBinStartBoundKeepsPlainAddsWhileTheNeuronIsFarFromTheIntRange() {
    for (MotionDetectorConfig.Storage storage : MotionDetectorConfig.Storage.values()) {
      // 3 x 3 kernel, class 0: +256.0 for a same-polarity neighbour at dx +1, -256.0 at dx -1
      // (2^24 raw): from the start of a bin, 2^30 / 2^24 = 64 rows are safe without looking
      MotionGeometry g = new MotionGeometry(1, 100_000, 1, 16, 20000);
      double[] w = new double[g.featureCount() * 2];
      w[g.featureIndex(0, 0, 1, 2) * 2] = 256.0;
      w[g.featureIndex(0, 0, 1, 0) * 2] = -256.0;
      MotionKernel k = MotionKernel.quantize(g, MotionTestSupport.classes(2), w, new double[2]);
      MotionDetector detector = new MotionDetector(k, MotionDetectorConfig.of(16, 16).withStorage(storage));
      MotionTestSupport.EvidenceLog seen = MotionTestSupport.EvidenceLog.of(detector);
      MotionOutputs out = detector.newOutputs();
      // 1,001 events in one bin, alternating (5, 5) and (6, 5): each sees the other at dx +1 or -1,
      // so class 0 goes -2^24, +2^24, ...: 2,001 rows in the bin, V_0 never beyond [-2^24, 0]
      int events = 1001;
      for (int i = 0; i < events; i++) {
        detector.event(5 + (i & 1), 5, 10 + i, 0, out);
      }
      detector.flush(out);

      assertEquals(0, detector.checkedEvents(), storage + ": no event needed the saturating adds");
      assertEquals(0, out.saturations, storage.toString());
      assertEquals(0, out.faultFlags & FaultFlags.INTERNAL_SATURATION, storage.toString());
      // event 0 sees nothing; then (6, 5) sees (5, 5) at dx -1, (5, 5) sees (6, 5) at dx +1, ...
      long sum = 0;
      for (int i = 1; i < events; i++) {
        sum += (i & 1) == 1 ? -(1L << 24) : 1L << 24;
      }
      assertEquals(sum, seen.readouts.get(0)[0], storage + ": the exact sum of the events' evidence");
    }
  }

  @Test
  void aNeuronNearTheIntRangeTakesTheSaturatingAddsAgain() {
    // one row of +16384.0 (2^30 raw): from the start of a bin only 1 row is safe, and once the
    // neuron is above 2^30 no row is: the third event's add saturates and is counted
    MotionGeometry g = new MotionGeometry(1, 100_000, 1, 16, 20000);
    double[] w = new double[g.featureCount() * 2];
    w[g.featureIndex(0, 0, 1, 2) * 2] = 16384.0;
    MotionKernel k = MotionKernel.quantize(g, MotionTestSupport.classes(2), w, new double[2]);
    MotionDetector detector = new MotionDetector(k, MotionDetectorConfig.of(16, 16));
    MotionTestSupport.EvidenceLog seen = MotionTestSupport.EvidenceLog.of(detector);
    MotionOutputs out = detector.newOutputs();
    detector.event(6, 5, 10, 0, out);
    detector.event(5, 5, 11, 0, out); // + 2^30
    detector.event(6, 5, 12, 0, out); // nothing at dx -1
    detector.event(5, 5, 13, 0, out); // + 2^30: saturates at MAX
    detector.flush(out);

    assertEquals(3, detector.checkedEvents(), "every event after the first is checked");
    // the last add saturates at MAX (plain adds would have wrapped to -2^31); the readout clamps
    // the row to 2^30: two saturations
    assertEquals(2, out.saturations);
    assertEquals(1 << 30, seen.readouts.get(0)[0]);
  }

  @Test
  void aNeuronsRowCountSaturatesInsteadOfWrappingAndItsAddsStayChecked() {
    // +1.0 for a same-polarity neighbour at dx +1: 2^30 / 2^16 = 16384 rows are safe from a bin's start
    MotionGeometry g = new MotionGeometry(1, 100_000, 1, 16, 20000);
    double[] w = new double[g.featureCount() * 2];
    w[g.featureIndex(0, 0, 1, 2) * 2] = 1.0;
    MotionKernel k = MotionKernel.quantize(g, MotionTestSupport.classes(2), w, new double[2]);
    MotionDetector detector = new MotionDetector(k, MotionDetectorConfig.of(16, 16));
    MotionTestSupport.EvidenceLog seen = MotionTestSupport.EvidenceLog.of(detector);
    MotionOutputs out = detector.newOutputs();
    detector.event(6, 5, 10, 0, out);
    // as if 2^31 - 2 rows had come in this bin (about 113 M events of this 3 x 3 kernel in reach of each other)
    detector.neurons().rowsInBin[0] = Integer.MAX_VALUE - 1;
    detector.event(5, 5, 11, 0, out); // 2 rows: the count would wrap to negative
    detector.event(5, 5, 12, 0, out);
    detector.flush(out);

    assertEquals(Integer.MAX_VALUE, detector.neurons().rowsInBin[0], "the count stays at the int maximum");
    assertEquals(2, detector.checkedEvents(), "past the bound, checked (a wrapped count would have let them through)");
    assertEquals(2 << 16, seen.readouts.get(0)[0], "both rows added");
  }
}
