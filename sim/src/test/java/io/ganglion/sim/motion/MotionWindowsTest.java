package io.ganglion.sim.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.motion.MotionClass;
import io.ganglion.controllers.motion.MotionDetectorReference;
import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.drivers.events.EventBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The trainer's view of the detector (event windows as feature lists) gives the evidence the
 * controllers' reference computes from the definition, at the same neuron readouts.
 */
class MotionWindowsTest {

  @Test
  void windowFeaturesReproduceTheReferenceEvidence() {
    MotionGeometry g = new MotionGeometry(5, 1_000, 6, 4);
    int classes = 3;
    int w = 22;
    int h = 15;
    SplittableRandom rnd = new SplittableRandom(4);
    double[] weights = new double[g.featureCount() * classes];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = rnd.nextDouble() * 2 - 1;
    }
    double[] biases = {0.1, -0.2, 0.05};
    EventBuffer events = new EventBuffer(3000);
    long t = 2_000;
    for (int i = 0; i < 3000; i++) {
      t += rnd.nextInt(30);
      events.add(rnd.nextInt(w), rnd.nextInt(h), t, rnd.nextBoolean());
    }
    MotionDetectorReference ref = new MotionDetectorReference(g, classes, weights, biases, w, h, 0.0, 1_000);
    for (int i = 0; i < events.count(); i++) {
      ref.event(events.x[i], events.y[i], events.tUs[i], events.polarity[i]);
    }
    ref.flush();
    Map<List<Long>, double[]> expected = new HashMap<>();
    for (MotionDetectorReference.Readout r : ref.readouts()) {
      expected.put(List.of(r.bin(), (long) r.cellX(), (long) r.cellY()), r.evidence());
    }

    MotionWindows windows = MotionWindows.of(g, w, h, events);
    int[] f = new int[windows.maxWindowEvents()];
    int half = g.featureCount() / 2;
    int read = 0;
    for (int r = 0; r < windows.readouts(); r++) {
      for (int cell = 0; cell < windows.cells(); cell++) {
        if (windows.windowEvents(cell, r) == 0) {
          continue;
        }
        int n = windows.features(cell, r, f);
        double[] want = expected.get(List.of(windows.firstBin() + r, (long) (cell % windows.cellsX()),
            (long) (cell / windows.cellsX())));
        assertTrue(want != null, "the reference reads neuron " + cell + " at readout " + r);
        for (int c = 0; c < classes; c++) {
          double a = 0;
          double b = 0;
          for (int j = 0; j < n; j++) {
            a += weights[f[j] * classes + c];
            b += weights[(f[j] < half ? f[j] + half : f[j] - half) * classes + c];
          }
          assertEquals(want[c], Math.max(a, b) + biases[c], 1e-9);
        }
        read++;
      }
    }
    assertEquals(expected.size(), read, "the same set of neuron readouts");
    assertTrue(read > 500);
  }

  @Test
  void floatEvaluationAgreesWithTheFixedPointDetectorOnAMovie() {
    MotionModel m = MotionModelFileTest.model(0.0);
    List<MotionClass> classes = m.classes();
    assertEquals(2, classes.size());
    // The fixed-point detector and the float evaluation see the same readouts: equal counts.
    EventBuffer events = new EventBuffer(2000);
    SplittableRandom rnd = new SplittableRandom(9);
    long t = 0;
    for (int i = 0; i < 2000; i++) {
      t += rnd.nextInt(20);
      events.add(rnd.nextInt(8), rnd.nextInt(8), t, rnd.nextBoolean());
    }
    io.ganglion.sim.dvs.MotionClasses mc = new io.ganglion.sim.dvs.MotionClasses(2, 0.4);
    io.ganglion.sim.dvs.MotionMovie movie = io.ganglion.sim.dvs.MotionMovie.generate(
        io.ganglion.sim.dvs.MotionMovieConfig.of(8, 8, t + 1, mc), 0, 1);
    List<MotionEvaluation.MovieEvents> list = new ArrayList<>();
    list.add(new MotionEvaluation.MovieEvents(movie, events));
    MotionEvaluation.Result fixed = MotionEvaluation.fixedPoint(m.toKernel(), m.spikeMargin(), list);
    MotionEvaluation.Result floating = MotionEvaluation.floatingPoint(m, list);
    assertEquals(floating.readouts(), fixed.readouts());
    assertTrue(fixed.readouts() > 100);
    assertEquals(floating.spikes(), fixed.spikes(), 2.0, "spikes may differ only at margins within rounding");
  }
}
