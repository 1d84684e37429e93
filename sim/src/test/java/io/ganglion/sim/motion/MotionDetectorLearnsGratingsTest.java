package io.ganglion.sim.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionOutputs;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionMovie;
import io.ganglion.sim.dvs.MotionMovieConfig;
import io.ganglion.sim.dvs.TextureSpec;
import org.junit.jupiter.api.Test;

/**
 * End to end: kernels trained on a few simulated noise movies, quantized to Q16.16 and run by
 * the firmware's detector, classify held-out gratings moving right and down (never seen: other
 * texture, other seeds).
 */
class MotionDetectorLearnsGratingsTest {

  @Test
  void aDetectorTrainedOnNoiseMoviesSeesGratingsMoveRightAndDown() {
    MotionClasses classes = new MotionClasses(4, 0.4); // 0 right, 1 down, 2 left, 3 up
    MotionTrainingConfig config = MotionTrainingConfig.defaults(classes, 3)
        .withMovies(MotionMovieConfig.of(32, 32, 200_000, classes))
        .withMovieCount(24).withSamplesPerMovie(60);
    config = config.withTrainer(config.trainer().withEpochs(6));
    MotionModel model = MotionTraining.train(config, null).model();

    for (int truth : new int[] {0, 1}) {
      MotionMovieConfig grating = MotionMovieConfig.of(64, 64, 200_000, classes).withTexture(TextureSpec.grating(8));
      MotionMovie movie = MotionMovie.generate(grating, truth, 1234 + truth);
      long[] spikes = spikesPerClass(model, movie.allEvents());
      int best = 0;
      for (int c = 1; c < spikes.length; c++) {
        best = spikes[c] > spikes[best] ? c : best;
      }
      assertTrue(spikes[best] >= 5, "spikes " + java.util.Arrays.toString(spikes));
      assertEquals(truth, best, "grating moving " + (truth == 0 ? "right" : "down") + ": spikes per class "
          + java.util.Arrays.toString(spikes));
    }
  }

  static long[] spikesPerClass(MotionModel model, EventBuffer events) {
    MotionDetector det = new MotionDetector(model.toKernel(), model.detectorConfig(64, 64).withSpikeCapacity(1 << 14));
    MotionOutputs out = det.newOutputs();
    for (int i = 0; i < events.count(); i++) {
      det.event(events.x[i], events.y[i], events.tUs[i], events.polarity[i], out);
    }
    det.flush(out);
    long[] perClass = new long[model.classCount()];
    for (int s = 0; s < out.spikeCount; s++) {
      perClass[out.spikeClass[s]]++;
    }
    return perClass;
  }
}
