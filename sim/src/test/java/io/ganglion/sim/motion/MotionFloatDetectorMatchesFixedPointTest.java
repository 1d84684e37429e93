package io.ganglion.sim.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.fixed.Q16;
import io.ganglion.controllers.motion.EvidenceObserver;
import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionGeometry;
import io.ganglion.controllers.motion.MotionOutputs;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionMovie;
import io.ganglion.sim.dvs.MotionMovieConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The training side's view of the layer ({@link MotionEventFeatures}, {@link MotionFloatDetector})
 * is the firmware detector's: on a simulated movie, with float32 weights, every event's evidence
 * and every readout agree with the fixed-point {@link MotionDetector} within the Q16.16 rounding.
 */
class MotionFloatDetectorMatchesFixedPointTest {

  @Test
  void floatAndFixedPointSeeTheSameEvidenceAtEveryEventAndReadout() {
    MotionGeometry g = new MotionGeometry(6, 2_000, 2, 8, 10_000);
    MotionClasses classes = new MotionClasses(4, 0.4);
    SplittableRandom rnd = new SplittableRandom(4);
    double[] w = new double[g.featureCount() * 4];
    for (int i = 0; i < w.length; i++) {
      w[i] = rnd.nextDouble() * 2 - 1;
    }
    TrainingInfo info = new TrainingInfo(1, "test", "", 0, 0, Double.NaN, Double.NaN, Double.NaN);
    MotionModel model = new MotionModel(g, MotionTraining.classList(classes), w, new double[] {0.1, -0.2, 0.3, 0},
        2.0, info).roundedToFloat();
    EventBuffer events = MotionMovie.generate(MotionMovieConfig.of(32, 32, 100_000, classes), 1, 9).allEvents();

    List<double[]> floatEvents = new ArrayList<>();
    List<double[]> floatReadouts = new ArrayList<>();
    MotionFloatDetector.run(model, 32, 32, events, new MotionFloatDetector.Listener() {
      @Override
      public void event(long tUs, int x, int y, double[] e) {
        floatEvents.add(e.clone());
      }

      @Override
      public void readout(long bin, int cellX, int cellY, double[] v, int best, double margin) {
        floatReadouts.add(v.clone());
      }
    });

    List<int[]> fixedEvents = new ArrayList<>();
    List<int[]> fixedReadouts = new ArrayList<>();
    MotionDetector det = new MotionDetector(model.toKernel(), model.detectorConfig(32, 32));
    det.setEvidenceObserver(new EvidenceObserver() {
      @Override
      public void event(long tUs, int x, int y, int[] e) {
        fixedEvents.add(e.clone());
      }

      @Override
      public void readout(long bin, int cellX, int cellY, int[] v) {
        fixedReadouts.add(v.clone());
      }
    });
    MotionOutputs out = det.newOutputs();
    for (int i = 0; i < events.count(); i++) {
      det.event(events.x[i], events.y[i], events.tUs[i], events.polarity[i], out);
      out.spikeCount = 0;
    }
    det.flush(out);

    assertTrue(floatEvents.size() > 1000, "events: " + floatEvents.size());
    assertEquals(floatEvents.size(), fixedEvents.size(), "events seen");
    // at most 2 K^2 weights and a bias per event, each rounded by 2^-17
    double eventBound = (2 * 25 + 1) * Math.scalb(1.0, -17);
    double worstEvent = 0;
    for (int i = 0; i < floatEvents.size(); i++) {
      for (int c = 0; c < 4; c++) {
        worstEvent = Math.max(worstEvent, Math.abs(floatEvents.get(i)[c] - Q16.toDouble(fixedEvents.get(i)[c])));
      }
    }
    assertTrue(worstEvent <= eventBound, "event evidence differs by " + worstEvent);
    assertEquals(floatReadouts.size(), fixedReadouts.size(), "readouts, in the same order");
    double worstReadout = 0;
    double scale = 0;
    for (int i = 0; i < floatReadouts.size(); i++) {
      for (int c = 0; c < 4; c++) {
        worstReadout = Math.max(worstReadout,
            Math.abs(floatReadouts.get(i)[c] - Q16.toDouble(fixedReadouts.get(i)[c])));
        scale = Math.max(scale, Math.abs(floatReadouts.get(i)[c]));
      }
    }
    // the neurons add the events' rounding and the decay's (lambda^n in Q16.16, floor)
    assertTrue(worstReadout <= 1e-3 * Math.max(1, scale), "readouts differ by " + worstReadout + " (scale " + scale + ")");
  }
}
