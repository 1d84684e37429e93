package io.ganglion.controllers.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.controllers.fixed.Q16;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases of the definition: an event of bin b reaches the readout of bin b + d
 * through the delay-d weight, is forgotten after D bins, and the polarity swap lets an OFF event
 * use the ON weights.
 */
class MotionDetectorDelayTest {

  // 4 delays of 1 ms, 4x4 windows tiling an 8x8 sensor (2x2 neurons), 2 classes.
  private static final MotionGeometry G = new MotionGeometry(4, 1_000, 4, 4);

  /** Class 0: ON weight (d + 1) / 4 at window position (dx 1, dy 2); class 1: nothing; biases 0. */
  private static MotionKernel kernel() {
    double[] w = new double[G.featureCount() * 2];
    for (int d = 0; d < 4; d++) {
      w[G.featureIndex(1, d, 2, 1) * 2] = (d + 1) / 4.0;
    }
    return MotionKernel.quantize(G, MotionTestSupport.classes(2), w, new double[2]);
  }

  private record Read(long bin, int cx, int cy, int e0, int e1) {}

  private static List<Read> readouts(boolean on) {
    MotionDetector det = new MotionDetector(kernel(), MotionDetectorConfig.of(8, 8).withSpikeMargin(0.1));
    List<Read> reads = new ArrayList<>();
    det.setEvidenceObserver((bin, cx, cy, e) -> reads.add(new Read(bin, cx, cy, e[0], e[1])));
    MotionOutputs out = det.newOutputs();
    det.event(5, 6, 7_300, on ? 1 : 0, out); // cell (1, 1), window position (1, 2), bin 7
    det.advanceTo(20_000, out);
    return reads;
  }

  @Test
  void anEventReachesTheNextDReadoutsThroughItsDelayWeights() {
    List<Read> expected = List.of(
        new Read(7, 1, 1, Q16.fromDouble(0.25), 0),
        new Read(8, 1, 1, Q16.fromDouble(0.50), 0),
        new Read(9, 1, 1, Q16.fromDouble(0.75), 0),
        new Read(10, 1, 1, Q16.fromDouble(1.00), 0));
    assertEquals(expected, readouts(true), "one readout per bin for D bins, then the neuron is idle");
  }

  @Test
  void anOffEventUsesTheOnWeightsThroughThePolaritySwap() {
    // OFF weights are 0, so the direct track is 0 and the swapped track carries the ON weights: max wins.
    assertEquals(readouts(true), readouts(false));
  }

  @Test
  void spikesCarryTheWindowCentreTheBinEndAndTheWinner() {
    MotionDetector det = new MotionDetector(kernel(), MotionDetectorConfig.of(8, 8).withSpikeMargin(0.6));
    MotionOutputs out = det.newOutputs();
    MotionInputs in = new MotionInputs(1).set(0, 5, 6, 7_300, true);
    in.count = 1;
    in.advanceToUs = 20_000;
    det.step(in, out);
    // margins 0.25, 0.5, 0.75, 1.0 (class 1 stays at 0): bins 9 and 10 pass 0.6
    assertEquals(2, out.spikeCount);
    assertArrayEquals(new long[] {10_000, 11_000}, java.util.Arrays.copyOf(out.spikeTUs, 2));
    assertEquals(5, out.spikeX[0], "centre of window x 4..7 is 4 + (4 - 1) / 2");
    assertEquals(5, out.spikeY[0]);
    assertEquals(0, out.spikeClass[1]);
    assertEquals(Q16.fromDouble(1.0), out.spikeMarginQ16[1]);
    assertEquals(2, out.spikeTotals[0]);
    assertEquals(1, out.eventsProcessed);
  }

  @Test
  void windowedActivityCountsTheSpikesOfTheLastBins() {
    MotionDetector det = new MotionDetector(kernel(),
        MotionDetectorConfig.of(8, 8).withSpikeMargin(0.1).withActivityWindowBins(2));
    MotionOutputs out = det.newOutputs();
    MotionInputs in = new MotionInputs(1).set(0, 5, 6, 7_300, true);
    in.count = 1;
    in.advanceToUs = 9_000; // readouts of bins 7 and 8: two spikes within the 2-bin window
    det.step(in, out);
    assertEquals(2, out.activity[0]);
    in.count = 0;
    in.advanceToUs = 11_000; // bins 9, 10 spike; 7, 8 leave the window
    det.step(in, out);
    assertEquals(2, out.activity[0]);
    in.advanceToUs = 12_000; // bin 11: no neuron active; bin 9 leaves
    det.step(in, out);
    assertEquals(1, out.activity[0]);
    in.advanceToUs = 500_000;
    det.step(in, out);
    assertEquals(0, out.activity[0]);
    assertEquals(4, out.spikeTotals[0]);
  }
}
