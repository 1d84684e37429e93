package io.ganglion.controllers.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pruning keeps the largest weights, and the sparse evaluation of a pruned kernel is the dense one with zeros. */
class MotionDetectorPruningTest {

  private static final MotionGeometry GEOMETRY = new MotionGeometry(5, 500, 2, 4, 2_000);

  @Test
  void pruningKeepsTheRequestedNumberOfLargestWeights() {
    MotionKernel kernel = MotionTestSupport.randomKernel(21, GEOMETRY, 6);
    int keep = kernel.weightCount() / 20;
    MotionKernel pruned = kernel.pruned(keep);
    assertEquals(keep, pruned.nonZeroWeightCount());
    int[] before = kernel.weightsQ16();
    int[] after = pruned.weightsQ16();
    long smallestKept = Long.MAX_VALUE;
    long largestDropped = 0;
    for (int i = 0; i < before.length; i++) {
      if (after[i] != 0) {
        assertEquals(before[i], after[i], "kept weights are unchanged");
        smallestKept = Math.min(smallestKept, Math.abs((long) before[i]));
      } else {
        largestDropped = Math.max(largestDropped, Math.abs((long) before[i]));
      }
    }
    assertTrue(smallestKept >= largestDropped, "kept " + smallestKept + " < dropped " + largestDropped);
    assertEquals(List.of(kernel.biasesQ16()[0]), List.of(pruned.biasesQ16()[0]), "biases are not pruned");
  }

  @Test
  void prunedSparseEvaluationEqualsDenseEvaluationWithThoseWeightsZeroed() {
    MotionKernel pruned = MotionTestSupport.randomKernel(22, GEOMETRY, 6).pruned(200);
    MotionDetectorConfig config = MotionDetectorConfig.of(30, 22).withSpikeMargin(0.05);
    MotionInputs stream = MotionTestSupport.randomStream(9, 5000, 30, 22, 20, 0.02, 800);

    MotionDetector sparse = new MotionDetector(pruned, config);
    MotionDetector dense = new MotionDetector(pruned, config.withStorage(MotionDetectorConfig.Storage.DENSE));
    assertEquals(sparseEntries(pruned), sparse.storedEntries(), "the non-zero weights, the biases folded into the self row");
    assertTrue(sparse.storedEntries() <= 200 + 6);
    assertEquals((long) GEOMETRY.featureCount() * 6, dense.storedEntries());

    List<MotionTestSupport.SpikeRow> a = MotionTestSupport.run(sparse, stream);
    List<MotionTestSupport.SpikeRow> b = MotionTestSupport.run(dense, stream);
    assertTrue(a.size() > 50, "spikes: " + a.size());
    assertEquals(b, a);
    // and both are the definition's answer with the zeroed weights
    MotionDetectorReference ref = MotionDetectorReference.of(pruned, config);
    assertEquals(MotionTestSupport.run(ref, stream), a);
  }

  /** Non-zero weights outside the self row plus the non-zero (self weight + bias) of each class. */
  private static long sparseEntries(MotionKernel k) {
    int c = k.classCount();
    int self = GEOMETRY.selfFeature();
    long n = 0;
    for (int i = 0; i < k.weightsQ16().length; i++) {
      n += i / c != self && k.weightsQ16()[i] != 0 ? 1 : 0;
    }
    for (int j = 0; j < c; j++) {
      n += k.weightsQ16()[self * c + j] + k.biasesQ16()[j] != 0 ? 1 : 0;
    }
    return n;
  }

  @Test
  void keepCountRoundsTheFraction() {
    assertEquals(5, MotionPruning.keepCount(0.05, 100));
    assertEquals(0, MotionPruning.keepCount(0.0, 100));
    assertEquals(100, MotionPruning.keepCount(1.0, 100));
  }
}
