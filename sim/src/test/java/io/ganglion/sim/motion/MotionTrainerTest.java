package io.ganglion.sim.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.motion.MotionGeometry;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The trainer fits separable data, is deterministic in its seed, and fine-tuning keeps pruned weights at 0. */
class MotionTrainerTest {

  private static final MotionGeometry G = new MotionGeometry(2, 1_000, 1, 3, 5_000);

  /**
   * Class c's windows hold events at features 4c .. 4c + 3 (ON, delay 0) plus noise features:
   * linearly separable through the direct branch.
   */
  private static MotionSampleSet separable(int classes, int perClass, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    MotionSampleSet set = new MotionSampleSet();
    int[] f = new int[20];
    int onBase = G.featureIndex(1, 0, 0, 0);
    for (int i = 0; i < perClass * classes; i++) {
      int c = i % classes;
      int n = 0;
      for (int k = 0; k < 4; k++) {
        f[n++] = onBase + (4 * c + k) % (G.featureCount() / 2);
      }
      for (int k = 0; k < 6; k++) {
        f[n++] = rnd.nextInt(G.featureCount());
      }
      set.add(f, n, c);
    }
    return set;
  }

  @Test
  void fitsSeparableSamplesAndTheLossFalls() {
    MotionSampleSet set = separable(3, 100, 1);
    MotionTrainer.Result r = MotionTrainer.train(G, 3, set, MotionTrainerConfig.defaults(5).withEpochs(20), null);
    assertTrue(r.trainAccuracy() > 0.95, "accuracy " + r.trainAccuracy());
    assertTrue(r.epochLoss()[19] < r.epochLoss()[0] / 3, Arrays.toString(r.epochLoss()));
  }

  @Test
  void theSameSeedGivesTheSameWeightsBitForBit() {
    MotionSampleSet set = separable(3, 50, 2);
    MotionTrainerConfig c = MotionTrainerConfig.defaults(7).withEpochs(3);
    MotionTrainer.Result a = MotionTrainer.train(G, 3, set, c, null);
    MotionTrainer.Result b = MotionTrainer.train(G, 3, set, c, null);
    assertArrayEquals(a.weights(), b.weights());
    assertArrayEquals(a.biases(), b.biases());
    MotionTrainer.Result other = MotionTrainer.train(G, 3, set, MotionTrainerConfig.defaults(8).withEpochs(3), null);
    assertFalse(Arrays.equals(a.weights(), other.weights()), "another seed: another initialisation and order");
  }

  @Test
  void fineTuningKeepsPrunedWeightsAtZeroAndTheClassPriorCanStayZero() {
    MotionSampleSet set = separable(3, 60, 3);
    MotionTrainerConfig c = MotionTrainerConfig.defaults(1).withEpochs(5).withTrainBiases(false);
    MotionTrainer.Result r = MotionTrainer.train(G, 3, set, c, null);
    assertArrayEquals(new double[3], r.biases(), "biases not trained");
    int self = G.selfFeature();
    assertArrayEquals(new double[3], Arrays.copyOfRange(r.weights(), self * 3, self * 3 + 3),
        "without a class prior the event's own feature stays 0 too");
    TrainingInfo info = new TrainingInfo(1, "t", "", set.size(), 5, r.trainAccuracy(), Double.NaN, Double.NaN);
    MotionModel m = new MotionModel(G, MotionTraining.classList(new io.ganglion.sim.dvs.MotionClasses(3, 0.4)),
        r.weights(), r.biases(), 0.0, info);
    MotionModel pruned = m.pruned(20);
    MotionTrainer.Result tuned = MotionTrainer.fineTunePruned(pruned, set, c.withEpochs(3), null);
    double[] before = pruned.weights();
    int changed = 0;
    for (int i = 0; i < before.length; i++) {
      if (before[i] == 0) {
        assertEquals(0.0, tuned.weights()[i], "pruned weight " + i + " stays 0");
      } else if (before[i] != tuned.weights()[i]) {
        changed++;
      }
    }
    assertTrue(changed > 0, "the kept weights are tuned");
    assertTrue(tuned.trainAccuracy() >= accuracy(pruned, set) - 0.02,
        "fine-tuning does not lose accuracy: " + tuned.trainAccuracy() + " vs " + accuracy(pruned, set));
  }

  /** Argmax accuracy of a model's double weights on the samples. */
  private static double accuracy(MotionModel m, MotionSampleSet set) {
    int c = m.classCount();
    double[] w = m.weights();
    int correct = 0;
    for (int i = 0; i < set.size(); i++) {
      double[] e = m.biases().clone();
      for (int j = set.start(i); j < set.end(i); j++) {
        for (int k = 0; k < c; k++) {
          e[k] += w[set.featureStore()[j] * c + k];
        }
      }
      int best = 0;
      for (int k = 1; k < c; k++) {
        best = e[k] > e[best] ? k : best;
      }
      correct += best == set.label(i) ? 1 : 0;
    }
    return correct / (double) set.size();
  }
}
