package io.ganglion.controllers.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.fixed.Q16;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fixed-point detector against its double reference written from the definition: identical
 * evidence and spikes with the same (quantized) weights; with the unquantized weights, evidence
 * within the quantization bound and the same spikes wherever the decision is not a near-tie.
 */
class MotionDetectorMatchesReferenceTest {

  private static final MotionGeometry GEOMETRY = new MotionGeometry(4, 1_000, 5, 3);
  private static final int W = 20;
  private static final int H = 14;
  private static final int CLASSES = 5;

  private record Key(long bin, int cx, int cy) {}

  private static Map<Key, int[]> observe(MotionDetector det) {
    Map<Key, int[]> seen = new HashMap<>();
    det.setEvidenceObserver((bin, cx, cy, e) -> seen.put(new Key(bin, cx, cy), e.clone()));
    return seen;
  }

  @Test
  void sameWeightsGiveBitIdenticalEvidenceAndSpikes() {
    MotionKernel kernel = MotionTestSupport.randomKernel(11, GEOMETRY, CLASSES);
    MotionDetectorConfig config = MotionDetectorConfig.of(W, H).withSpikeMargin(0.3);
    for (long seed = 1; seed <= 3; seed++) {
      MotionInputs stream = MotionTestSupport.randomStream(seed, 3000, W, H, 40, 0.05, 1500);
      MotionDetector det = new MotionDetector(kernel, config);
      Map<Key, int[]> fixed = observe(det);
      List<MotionTestSupport.SpikeRow> fixedSpikes = MotionTestSupport.run(det, stream);
      MotionDetectorReference ref = MotionDetectorReference.of(kernel, config);
      List<MotionTestSupport.SpikeRow> refSpikes = MotionTestSupport.run(ref, stream);

      assertEquals(ref.readouts().size(), fixed.size(), "number of neuron readouts");
      for (MotionDetectorReference.Readout r : ref.readouts()) {
        int[] f = fixed.get(new Key(r.bin(), r.cellX(), r.cellY()));
        for (int c = 0; c < CLASSES; c++) {
          assertEquals(r.evidence()[c], Q16.toDouble(f[c]), 0.0, "evidence of class " + c + " at " + r);
        }
      }
      assertTrue(refSpikes.size() > 100, "the stream must make spikes, got " + refSpikes.size());
      assertEquals(refSpikes, fixedSpikes);
      MotionOutputs out = det.newOutputs();
      det.flush(out);
      assertEquals(ref.eventsClamped(), out.eventsClamped);
      assertEquals(ref.eventsOutOfOrder(), out.eventsOutOfOrder);
      assertTrue(out.eventsClamped > 0 && out.eventsOutOfOrder > 0, "the stream exercises both time rules");
    }
  }

  @Test
  void floatWeightsGiveEvidenceWithinQuantizationBoundAndSameSpikes() {
    SplittableRandom rnd = new SplittableRandom(5);
    double[] w = MotionTestSupport.randomWeights(rnd, GEOMETRY.featureCount() * CLASSES, 1.0, 0.2);
    double[] b = MotionTestSupport.randomWeights(rnd, CLASSES, 0.5, 0.0);
    MotionKernel kernel = MotionKernel.quantize(GEOMETRY, MotionTestSupport.classes(CLASSES), w, b);
    double margin = 0.3;
    MotionDetectorConfig config = MotionDetectorConfig.of(W, H).withSpikeMargin(margin);
    MotionInputs stream = MotionTestSupport.randomStream(7, 4000, W, H, 40, 0.0, 0);

    MotionDetector det = new MotionDetector(kernel, config);
    Map<Key, int[]> fixed = observe(det);
    List<MotionTestSupport.SpikeRow> fixedSpikes = MotionTestSupport.run(det, stream);
    MotionDetectorReference ref = new MotionDetectorReference(GEOMETRY, CLASSES, w, b, W, H, margin, 1_000);
    MotionTestSupport.run(ref, stream);

    // Each evidence sums at most one weight per event of the window (plus the bias), each
    // rounded by at most 2^-17: the bound is (events per window + 1) 2^-17.
    int maxWindowEvents = maxEventsPerWindow(stream);
    double bound = (maxWindowEvents + 1) * Math.scalb(1.0, -17);
    double worst = 0;
    List<MotionTestSupport.SpikeRow> expected = new ArrayList<>();
    List<MotionTestSupport.SpikeRow> got = new ArrayList<>();
    Map<Key, MotionTestSupport.SpikeRow> fixedByKey = new HashMap<>();
    for (MotionTestSupport.SpikeRow s : fixedSpikes) {
      fixedByKey.put(new Key(s.tUs() / 1_000 - 1, cellOf(s.x()), cellOf(s.y())), s);
    }
    int ambiguous = 0;
    for (MotionDetectorReference.Readout r : ref.readouts()) {
      int[] f = fixed.get(new Key(r.bin(), r.cellX(), r.cellY()));
      double[] e = r.evidence();
      for (int c = 0; c < CLASSES; c++) {
        worst = Math.max(worst, Math.abs(e[c] - Q16.toDouble(f[c])));
      }
      double[] sorted = e.clone();
      java.util.Arrays.sort(sorted);
      double m = sorted[CLASSES - 1] - sorted[CLASSES - 2];
      if (Math.abs(m - margin) <= 2 * bound || m <= 2 * bound) {
        ambiguous++;
        continue;
      }
      Key key = new Key(r.bin(), r.cellX(), r.cellY());
      MotionTestSupport.SpikeRow fixedSpike = fixedByKey.get(key);
      if (m >= margin) {
        int best = 0;
        for (int c = 1; c < CLASSES; c++) {
          best = e[c] > e[best] ? c : best;
        }
        expected.add(new MotionTestSupport.SpikeRow((r.bin() + 1) * 1_000, GEOMETRY.cellCentre(r.cellY()),
            GEOMETRY.cellCentre(r.cellX()), best));
      }
      if (fixedSpike != null) {
        got.add(fixedSpike);
      }
    }
    assertTrue(worst <= bound, "max |evidence error| " + worst + " exceeds the bound " + bound);
    assertTrue(worst > 0, "the float weights are not all representable, so some error is expected");
    assertTrue(ambiguous < ref.readouts().size() / 50, ambiguous + " near-tie readouts of " + ref.readouts().size());
    expected.sort(MotionTestSupport.ORDER);
    got.sort(MotionTestSupport.ORDER);
    assertTrue(expected.size() > 200, "spikes compared: " + expected.size());
    assertEquals(expected, got);
  }

  @Test
  void binsWithMoreAddsThanOneBatchMatchTheReference() {
    // ~45,000 events in 3 bins: the queued adds of a bin are drained in several sorted batches.
    MotionKernel kernel = MotionTestSupport.randomKernel(31, GEOMETRY, CLASSES);
    MotionDetectorConfig config = MotionDetectorConfig.of(W, H).withSpikeMargin(0.3);
    MotionInputs stream = MotionTestSupport.randomStream(13, 45_000, W, H, 0, 0.0, 0);
    for (int i = 0; i < stream.count; i++) {
      stream.tUs[i] = 7_000 + i / 15; // 1000 us bins of 15,000 events
    }
    MotionDetector det = new MotionDetector(kernel, config);
    Map<Key, int[]> fixed = observe(det);
    List<MotionTestSupport.SpikeRow> spikes = MotionTestSupport.run(det, stream);
    MotionDetectorReference ref = MotionDetectorReference.of(kernel, config);
    assertEquals(MotionTestSupport.run(ref, stream), spikes);
    assertTrue(stream.count * 2 > 2 * EvidenceRing.BATCH, "more adds per bin than one batch");
    for (MotionDetectorReference.Readout r : ref.readouts()) {
      int[] f = fixed.get(new Key(r.bin(), r.cellX(), r.cellY()));
      for (int c = 0; c < CLASSES; c++) {
        assertEquals(r.evidence()[c], Q16.toDouble(f[c]), 0.0);
      }
    }
  }

  @Test
  void largeWeightsTakeTheCheckedAddsWithTheSameResults() {
    // |w| up to 2000: only 16 events per neuron window are provably overflow-free, so busy neurons
    // switch to the saturation-checked adds; no sum actually saturates on this stream.
    SplittableRandom rnd = new SplittableRandom(8);
    double[] w = MotionTestSupport.randomWeights(rnd, GEOMETRY.featureCount() * CLASSES, 2000.0, 0.2);
    double[] b = MotionTestSupport.randomWeights(rnd, CLASSES, 100.0, 0.0);
    MotionKernel kernel = MotionKernel.quantize(GEOMETRY, MotionTestSupport.classes(CLASSES), w, b);
    MotionDetectorConfig config = MotionDetectorConfig.of(W, H).withSpikeMargin(500);
    MotionInputs stream = MotionTestSupport.randomStream(12, 3000, W, H, 40, 0.0, 0);
    assertTrue(maxEventsPerNeuronWindow(stream) > 16, "the stream must exceed the overflow-free count");
    for (MotionDetectorConfig.Storage storage : MotionDetectorConfig.Storage.values()) {
      MotionDetector det = new MotionDetector(kernel, config.withStorage(storage));
      Map<Key, int[]> fixed = observe(det);
      List<MotionTestSupport.SpikeRow> spikes = MotionTestSupport.run(det, stream);
      MotionDetectorReference ref = MotionDetectorReference.of(kernel, config);
      assertEquals(MotionTestSupport.run(ref, stream), spikes, storage.toString());
      for (MotionDetectorReference.Readout r : ref.readouts()) {
        int[] f = fixed.get(new Key(r.bin(), r.cellX(), r.cellY()));
        for (int c = 0; c < CLASSES; c++) {
          assertEquals(r.evidence()[c], Q16.toDouble(f[c]), 0.0);
        }
      }
      MotionOutputs out = det.newOutputs();
      det.flush(out);
      assertEquals(0, out.saturations);
      assertTrue(spikes.size() > 100);
    }
  }

  private static int cellOf(int centre) {
    // centre = 3 cell - 1 + 2  =>  cell = (centre - 1) / 3, valid for centres not clamped at the border
    return (centre - 1) / 3;
  }

  private static int maxEventsPerNeuronWindow(MotionInputs in) {
    Map<Key, Integer> perCellBin = new HashMap<>();
    for (int i = 0; i < in.count; i++) {
      for (int cy = 0; cy < GEOMETRY.cellsAcross(H); cy++) {
        for (int cx = 0; cx < GEOMETRY.cellsAcross(W); cx++) {
          int dx = in.x[i] - GEOMETRY.windowStart(cx);
          int dy = in.y[i] - GEOMETRY.windowStart(cy);
          if (dx >= 0 && dx < 5 && dy >= 0 && dy < 5) {
            perCellBin.merge(new Key(in.tUs[i] / 1_000, cx, cy), 1, Integer::sum);
          }
        }
      }
    }
    int best = 0;
    for (Key k : perCellBin.keySet()) {
      int sum = 0;
      for (int d = 0; d < GEOMETRY.delays(); d++) {
        sum += perCellBin.getOrDefault(new Key(k.bin() + d, k.cx(), k.cy()), 0);
      }
      best = Math.max(best, sum);
    }
    return best;
  }

  private static int maxEventsPerWindow(MotionInputs in) {
    Map<Long, Integer> perBin = new HashMap<>();
    for (int i = 0; i < in.count; i++) {
      perBin.merge(in.tUs[i] / 1_000, 1, Integer::sum);
    }
    int best = 0;
    for (long bin : perBin.keySet()) {
      int sum = 0;
      for (int d = 0; d < GEOMETRY.delays(); d++) {
        sum += perBin.getOrDefault(bin + d, 0);
      }
      best = Math.max(best, sum);
    }
    return best;
  }
}
