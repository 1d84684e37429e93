package io.ganglion.controllers.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.fixed.Q16;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gather has three paths: one long per neighbourhood row (kernels up to 4 x 4 entries wide,
 * K &lt;= 4), two overlapping longs (K = 5) and byte by byte (K &gt; 5), and it drops surface entries
 * older than the live rows of their position. Every one must give the reference's evidence bit for
 * bit, dense and pruned, with few delays and with the most the surface supports.
 */
class MotionDetectorKernelSizesTest {

  private static final int W = 23;
  private static final int H = 17;
  private static final int CLASSES = 4;

  @Test
  void everyKernelSizeAndDelayCountGivesTheReferenceEvidenceBitForBit() {
    for (int radius = 0; radius <= 4; radius++) {
      for (int delays : new int[] {1, 5, TimeSurface.EPOCH}) {
        MotionGeometry g = new MotionGeometry(delays, 700, radius, 4, 1);
        MotionKernel full = MotionTestSupport.randomKernel(100 + radius * 7L + delays, g, CLASSES);
        // pruned hard: most positions keep only some delays, many none
        MotionKernel pruned = full.pruned(Math.min(full.weightCount(), Math.max(2 * CLASSES, full.weightCount() / 12)));
        for (MotionKernel kernel : List.of(full, pruned)) {
          for (MotionDetectorConfig.Storage storage : MotionDetectorConfig.Storage.values()) {
            String what = "radius " + radius + ", " + delays + " delays, " + kernel.nonZeroWeightCount() + " weights, "
                + storage;
            assertMatchesReference(kernel, MotionDetectorConfig.of(W, H).withSpikeMargin(0.2).withStorage(storage), what);
          }
        }
      }
    }
  }

  private static void assertMatchesReference(MotionKernel kernel, MotionDetectorConfig config, String what) {
    MotionInputs stream = MotionTestSupport.randomStream(kernel.weightCount(), 2500, W, H, 10, 0.0, 0);
    MotionDetector det = new MotionDetector(kernel, config);
    List<int[]> evidence = MotionTestSupport.EvidenceLog.of(det).events;
    List<MotionTestSupport.SpikeRow> spikes = MotionTestSupport.run(det, stream);
    MotionDetectorReference ref = MotionDetectorReference.of(kernel, config);
    List<MotionTestSupport.SpikeRow> refSpikes = MotionTestSupport.run(ref, stream);

    assertEquals(ref.events().size(), evidence.size(), what + ": accepted events");
    int seeingOthers = 0;
    for (int i = 0; i < evidence.size(); i++) {
      double[] e = ref.events().get(i).evidence();
      int[] expected = new int[CLASSES];
      for (int c = 0; c < CLASSES; c++) {
        expected[c] = Q16.fromDouble(e[c]);
      }
      assertArrayEquals(expected, evidence.get(i), what + ": event " + i);
      seeingOthers += ref.events().get(i).evidence()[0] != ref.events().get(0).evidence()[0] ? 1 : 0;
    }
    assertTrue(seeingOthers > 50, what + ": the events must see earlier ones, " + seeingOthers + " did");
    assertEquals(refSpikes, spikes, what + ": spikes");

    // the same detector without an observer (the path every real run takes) spikes alike
    MotionDetector plain = new MotionDetector(kernel, config);
    assertEquals(refSpikes, MotionTestSupport.run(plain, stream), what + ": spikes without an observer");
  }
}
