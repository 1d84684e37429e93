package io.ganglion.controllers.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Polarity-swap symmetry: a stream and the same stream with every polarity swapped give the same
 * spikes (the kernel's polarity is relative to the evaluated event), for any kernel.
 */
class MotionDetectorPolaritySwapTest {

  @Test
  void swappingEveryPolarityGivesTheSameSpikes() {
    MotionGeometry g = new MotionGeometry(6, 1_000, 2, 4, 4_000);
    MotionKernel kernel = MotionTestSupport.randomKernel(17, g, 6);
    MotionDetectorConfig config = MotionDetectorConfig.of(24, 16).withSpikeMargin(0.5);
    MotionInputs stream = MotionTestSupport.randomStream(23, 5000, 24, 16, 30, 0.02, 500);
    MotionInputs swapped = MotionTestSupport.randomStream(23, 5000, 24, 16, 30, 0.02, 500);
    for (int i = 0; i < swapped.count; i++) {
      swapped.polarity[i] = (byte) (1 - swapped.polarity[i]);
    }
    var a = MotionTestSupport.run(new MotionDetector(kernel, config), stream);
    var b = MotionTestSupport.run(new MotionDetector(kernel, config), swapped);
    assertTrue(a.size() > 100, "spikes: " + a.size());
    assertEquals(a, b);
  }
}
