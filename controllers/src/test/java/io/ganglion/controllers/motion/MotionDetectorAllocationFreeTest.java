package io.ganglion.controllers.motion;

import io.ganglion.testkit.AllocationMeter;
import org.junit.jupiter.api.Test;

/** The event path is a hot path: a step allocates nothing, with spikes, faults, sparse or dense. */
class MotionDetectorAllocationFreeTest {

  private static final MotionGeometry GEOMETRY = new MotionGeometry(8, 1_000, 2, 8, 20_000);

  private static void assertStepAllocatesNothing(String what, MotionDetectorConfig config, MotionInputs stream) {
    MotionKernel kernel = MotionTestSupport.randomKernel(3, GEOMETRY, 12);
    MotionDetector det = new MotionDetector(kernel, config);
    MotionOutputs out = det.newOutputs();
    // Each run replays the same 1024 events shifted later in time, so bins keep advancing.
    long[] base = stream.tUs.clone();
    long[] shift = {0};
    AllocationMeter.assertAllocationFree(what, 300, 200, () -> {
      shift[0] += 100_000;
      for (int i = 0; i < stream.count; i++) {
        stream.tUs[i] = base[i] + shift[0];
      }
      det.step(stream, out);
    });
  }

  @Test
  void sparseStepWithSpikesAllocatesNothing() {
    MotionInputs stream = MotionTestSupport.randomStream(1, 1024, 64, 48, 50, 0.0, 0);
    assertStepAllocatesNothing("MotionDetector.step (sparse)", MotionDetectorConfig.of(64, 48), stream);
  }

  @Test
  void denseStepAllocatesNothing() {
    MotionInputs stream = MotionTestSupport.randomStream(2, 1024, 64, 48, 50, 0.0, 0);
    assertStepAllocatesNothing("MotionDetector.step (dense)",
        MotionDetectorConfig.of(64, 48).withStorage(MotionDetectorConfig.Storage.DENSE), stream);
  }

  @Test
  void stepWithFaultyEventsAllocatesNothing() {
    MotionInputs stream = MotionTestSupport.randomStream(3, 1024, 80, 60, 50, 0.1, 5_000);
    for (int i = 0; i < stream.count; i += 7) {
      stream.polarity[i] = (byte) 3;
    }
    // 80 x 60 events on a 64 x 48 sensor: some out of range; 10% jitter up to 5 ms: some out of order.
    assertStepAllocatesNothing("MotionDetector.step (faulty events)",
        MotionDetectorConfig.of(64, 48).withSpikeCapacity(16), stream);
  }
}
