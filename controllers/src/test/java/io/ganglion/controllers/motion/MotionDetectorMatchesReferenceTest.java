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
 * The fixed-point detector against its double reference written from the definition (history
 * scan, no time surface): with the same (quantized) weights, bit-identical event evidence, and
 * without leak bit-identical readouts and spikes; with a leak, readouts within the decay's
 * rounding and the same spikes away from near-ties; with unquantized weights, evidence within the
 * quantization bound.
 */
class MotionDetectorMatchesReferenceTest {

  /** No memory across bins (leak 1 us: lambda = 0 exactly in both). */
  private static final MotionGeometry NO_LEAK = new MotionGeometry(4, 1_000, 2, 3, 1);
  private static final MotionGeometry LEAKY = new MotionGeometry(4, 1_000, 2, 3, 3_000);
  private static final int W = 20;
  private static final int H = 14;
  private static final int CLASSES = 5;

  private record Key(long bin, int cx, int cy) {}

  /** What the fixed-point detector reports: every event's evidence and every readout. */
  private static final class Seen implements EvidenceObserver {
    final List<int[]> events = new ArrayList<>();
    final Map<Key, int[]> readouts = new HashMap<>();
    int readoutCount;

    @Override
    public void event(long tUs, int x, int y, int[] e) {
      events.add(e.clone());
    }

    @Override
    public void readout(long bin, int cellX, int cellY, int[] v) {
      readouts.put(new Key(bin, cellX, cellY), v.clone());
      readoutCount++;
    }
  }

  private static Seen observe(MotionDetector det) {
    Seen s = new Seen();
    det.setEvidenceObserver(s);
    return s;
  }

  private static void assertEventsMatch(MotionDetectorReference ref, Seen seen, double tolerance) {
    assertEquals(ref.events().size(), seen.events.size(), "accepted events");
    for (int i = 0; i < seen.events.size(); i++) {
      double[] e = ref.events().get(i).evidence();
      for (int c = 0; c < CLASSES; c++) {
        assertEquals(e[c], Q16.toDouble(seen.events.get(i)[c]), tolerance, "event " + i + " class " + c);
      }
    }
  }

  private static void assertReadoutsMatch(MotionDetectorReference ref, Seen seen, double tolerance) {
    assertEquals(ref.readouts().size(), seen.readoutCount, "number of neuron readouts");
    for (MotionDetectorReference.Readout r : ref.readouts()) {
      int[] f = seen.readouts.get(new Key(r.bin(), r.cellX(), r.cellY()));
      for (int c = 0; c < CLASSES; c++) {
        assertEquals(r.evidence()[c], Q16.toDouble(f[c]), tolerance, "readout class " + c + " at " + r);
      }
    }
  }

  @Test
  void sameWeightsGiveBitIdenticalEvidenceAndSpikes() {
    MotionKernel kernel = MotionTestSupport.randomKernel(11, NO_LEAK, CLASSES);
    MotionDetectorConfig config = MotionDetectorConfig.of(W, H).withSpikeMargin(0.3);
    for (long seed = 1; seed <= 3; seed++) {
      MotionInputs stream = MotionTestSupport.randomStream(seed, 3000, W, H, 40, 0.05, 1500);
      MotionDetector det = new MotionDetector(kernel, config);
      Seen seen = observe(det);
      List<MotionTestSupport.SpikeRow> fixedSpikes = MotionTestSupport.run(det, stream);
      MotionDetectorReference ref = MotionDetectorReference.of(kernel, config);
      List<MotionTestSupport.SpikeRow> refSpikes = MotionTestSupport.run(ref, stream);

      assertEventsMatch(ref, seen, 0.0);
      assertReadoutsMatch(ref, seen, 0.0);
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
  void leakyNeuronsStayWithinTheDecayRoundingAndSpikeAlike() {
    MotionKernel kernel = MotionTestSupport.randomKernel(12, LEAKY, CLASSES);
    double margin = 0.3;
    MotionDetectorConfig config = MotionDetectorConfig.of(W, H).withSpikeMargin(margin);
    MotionInputs stream = MotionTestSupport.randomStream(4, 4000, W, H, 40, 0.0, 0);
    MotionDetector det = new MotionDetector(kernel, config);
    Seen seen = observe(det);
    List<MotionTestSupport.SpikeRow> fixedSpikes = MotionTestSupport.run(det, stream);
    MotionDetectorReference ref = MotionDetectorReference.of(kernel, config);
    MotionTestSupport.run(ref, stream);

    assertEventsMatch(ref, seen, 0.0);
    // Each decay rounds lambda^n to Q16.16 (|error| <= 2^-17 relative to |V| <= a few tens here)
    // and floors the product (2^-16); errors shrink by lambda each bin: 1e-3 is a loose bound.
    double tolerance = 1e-3;
    assertReadoutsMatch(ref, seen, tolerance);
    int compared = 0;
    Map<Key, MotionTestSupport.SpikeRow> fixedByKey = new HashMap<>();
    for (MotionTestSupport.SpikeRow s : fixedSpikes) {
      fixedByKey.put(new Key(s.tUs() / 1_000 - 1, (s.x() - 1) / 3, (s.y() - 1) / 3), s);
    }
    for (MotionDetectorReference.Readout r : ref.readouts()) {
      double[] e = r.evidence().clone();
      java.util.Arrays.sort(e);
      double m = e[CLASSES - 1] - e[CLASSES - 2];
      if (Math.abs(m - margin) <= 2 * tolerance || m <= 2 * tolerance || r.cellX() == W / 3 || r.cellY() == H / 3) {
        continue; // near-tie, or a border cell whose spike centre is clamped
      }
      boolean spikes = fixedByKey.containsKey(new Key(r.bin(), r.cellX(), r.cellY()));
      assertEquals(m >= margin, spikes, "spike decision at " + r);
      compared++;
    }
    assertTrue(compared > 1000, "readouts compared: " + compared);
  }

  @Test
  void floatWeightsGiveEvidenceWithinTheQuantizationBound() {
    SplittableRandom rnd = new SplittableRandom(5);
    double[] w = MotionTestSupport.randomWeights(rnd, NO_LEAK.featureCount() * CLASSES, 1.0, 0.2);
    double[] b = MotionTestSupport.randomWeights(rnd, CLASSES, 0.5, 0.0);
    MotionKernel kernel = MotionKernel.quantize(NO_LEAK, MotionTestSupport.classes(CLASSES), w, b);
    MotionDetectorConfig config = MotionDetectorConfig.of(W, H).withSpikeMargin(0.3);
    MotionInputs stream = MotionTestSupport.randomStream(7, 4000, W, H, 40, 0.0, 0);

    MotionDetector det = new MotionDetector(kernel, config);
    Seen seen = observe(det);
    MotionTestSupport.run(det, stream);
    MotionDetectorReference ref = new MotionDetectorReference(NO_LEAK, CLASSES, w, b, W, H, 0.3, 1_000);
    MotionTestSupport.run(ref, stream);

    // An event's evidence sums at most 2 K^2 weights (one per pixel and polarity of its window;
    // its own among them) and the bias, each rounded by at most 2^-17.
    int k = NO_LEAK.kernelSize();
    double bound = (2 * k * k + 1) * Math.scalb(1.0, -17);
    double worst = 0;
    for (int i = 0; i < seen.events.size(); i++) {
      double[] e = ref.events().get(i).evidence();
      for (int c = 0; c < CLASSES; c++) {
        worst = Math.max(worst, Math.abs(e[c] - Q16.toDouble(seen.events.get(i)[c])));
      }
    }
    assertTrue(worst <= bound, "max |evidence error| " + worst + " exceeds the bound " + bound);
    assertTrue(worst > 0, "the float weights are not all representable, so some error is expected");
  }

  @Test
  void largeWeightsTakeTheCheckedAddsWithTheSameResults() {
    // |w| up to 150: only 109 rows per neuron and bin are provably overflow-free, so busy neurons
    // switch to the saturation-checked adds; no sum actually saturates on this stream.
    SplittableRandom rnd = new SplittableRandom(8);
    double[] w = MotionTestSupport.randomWeights(rnd, NO_LEAK.featureCount() * CLASSES, 150.0, 0.2);
    double[] b = MotionTestSupport.randomWeights(rnd, CLASSES, 10.0, 0.0);
    MotionKernel kernel = MotionKernel.quantize(NO_LEAK, MotionTestSupport.classes(CLASSES), w, b);
    MotionDetectorConfig config = MotionDetectorConfig.of(W, H).withSpikeMargin(50);
    MotionInputs stream = MotionTestSupport.randomStream(12, 3000, W, H, 10, 0.0, 0);
    for (MotionDetectorConfig.Storage storage : MotionDetectorConfig.Storage.values()) {
      MotionDetector det = new MotionDetector(kernel, config.withStorage(storage));
      Seen seen = observe(det);
      List<MotionTestSupport.SpikeRow> spikes = MotionTestSupport.run(det, stream);
      MotionDetectorReference ref = MotionDetectorReference.of(kernel, config);
      assertEquals(MotionTestSupport.run(ref, stream), spikes, storage.toString());
      assertReadoutsMatch(ref, seen, 0.0);
      MotionOutputs out = det.newOutputs();
      det.flush(out);
      assertEquals(0, out.saturations);
      assertTrue(spikes.size() > 100);
    }
  }
}
