package io.ganglion.controllers.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.controllers.fixed.Q16;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases of the definition: an earlier event at offset (u, v) and delay d adds the
 * weight w_c(q xor p, d, v + R, u + R) to an event's evidence while d &lt; D; only a pixel's latest
 * event counts; polarity is relative; neurons sum their cell's events per bin and leak.
 */
class MotionDetectorDelayTest {

  // 4 delays of 1 ms, 3x3 kernel (radius 1), 4x4 px cells on an 8x8 sensor, no memory across bins.
  private static final MotionGeometry G = new MotionGeometry(4, 1_000, 1, 4, 1);

  /** Class 0: same-polarity weight (d + 1) / 4 for an earlier event one pixel left (u = -1, v = 0); class 1: nothing. */
  private static MotionKernel kernel(MotionGeometry g) {
    double[] w = new double[g.featureCount() * 2];
    for (int d = 0; d < 4; d++) {
      w[g.featureIndex(0, d, 1, 0) * 2] = (d + 1) / 4.0;
    }
    return MotionKernel.quantize(g, MotionTestSupport.classes(2), w, new double[2]);
  }

  /** Class-0 evidence of each event of the stream {x, y, tUs, polarity}... */
  private static List<Integer> evidence(MotionGeometry g, long[][] events) {
    MotionDetector det = new MotionDetector(kernel(g), MotionDetectorConfig.of(8, 8));
    List<Integer> seen = new ArrayList<>();
    det.setEvidenceObserver(new EvidenceObserver() {
      @Override
      public void event(long tUs, int x, int y, int[] e) {
        seen.add(e[0]);
      }
    });
    MotionOutputs out = det.newOutputs();
    for (long[] e : events) {
      det.event((int) e[0], (int) e[1], e[2], (int) e[3], out);
    }
    return seen;
  }

  @Test
  void anEarlierNeighbourAddsItsDelayWeightUntilDBinsHavePassed() {
    for (int d = 0; d <= 4; d++) {
      List<Integer> e = evidence(G, new long[][] {{4, 5, 7_300, 1}, {5, 5, 7_300 + d * 1_000L, 1}});
      int expected = d < 4 ? Q16.fromDouble((d + 1) / 4.0) : 0;
      assertEquals(List.of(0, expected), e, "delay " + d);
    }
  }

  @Test
  void polarityIsRelativeToTheEvaluatedEvent() {
    long[][] on = {{4, 5, 7_300, 1}, {5, 5, 9_100, 1}};
    long[][] off = {{4, 5, 7_300, 0}, {5, 5, 9_100, 0}};
    long[][] mixed = {{4, 5, 7_300, 0}, {5, 5, 9_100, 1}};
    assertEquals(evidence(G, on), evidence(G, off), "swapping every polarity changes nothing");
    assertEquals(List.of(0, 0), evidence(G, mixed), "an opposite-polarity neighbour uses the r = 1 weights (0 here)");
  }

  @Test
  void onlyThePixelsLatestEventCounts() {
    // (4, 5) fires at bins 6 and 8; the event at (5, 5) in bin 9 sees delay 1 only.
    List<Integer> e = evidence(G, new long[][] {{4, 5, 6_100, 1}, {4, 5, 8_100, 1}, {5, 5, 9_100, 1}});
    assertEquals(Q16.fromDouble(0.5), e.get(2));
  }

  @Test
  void neighboursBeyondTheRadiusAreNotSeen() {
    List<Integer> e = evidence(G, new long[][] {{3, 5, 7_300, 1}, {5, 5, 7_500, 1}});
    assertEquals(List.of(0, 0), e);
  }

  @Test
  void spikesCarryTheCellCentreTheBinEndAndTheWinner() {
    MotionDetector det = new MotionDetector(kernel(G), MotionDetectorConfig.of(8, 8).withSpikeMargin(0.6));
    MotionOutputs out = det.newOutputs();
    MotionInputs in = new MotionInputs(4);
    // bin 7: the neighbour; bin 9: the event at delay 2 (evidence 0.75, spikes); bin 10: delay 3 (1.0, spikes)
    in.set(0, 4, 5, 7_300, true).set(1, 5, 5, 9_300, true).set(2, 4, 5, 9_900, false).set(3, 5, 6, 10_000, true);
    in.count = 2;
    in.advanceToUs = 20_000;
    det.step(in, out);
    // readouts: bin 7 (margin 0, no spike), bin 9 (0.75)
    assertEquals(1, out.spikeCount);
    assertEquals(10_000, out.spikeTUs[0]);
    assertEquals(5, out.spikeX[0], "centre of cell x 4..7 is 4 + (4 - 1) / 2");
    assertEquals(5, out.spikeY[0]);
    assertEquals(0, out.spikeClass[0]);
    assertEquals(Q16.fromDouble(0.75), out.spikeMarginQ16[0]);
    assertEquals(1, out.spikeTotals[0]);
    assertEquals(2, out.eventsProcessed);
  }

  @Test
  void neuronsSumTheirCellsEventsAndLeakBetweenBins() {
    MotionGeometry leaky = new MotionGeometry(4, 1_000, 1, 4, 2_000);
    MotionDetector det = new MotionDetector(kernel(leaky), MotionDetectorConfig.of(8, 8));
    List<int[]> reads = new ArrayList<>();
    det.setEvidenceObserver(new EvidenceObserver() {
      @Override
      public void readout(long bin, int cellX, int cellY, int[] v) {
        reads.add(v.clone());
      }
    });
    MotionOutputs out = det.newOutputs();
    det.event(4, 5, 7_100, 1, out);
    det.event(5, 5, 8_100, 1, out); // 0.5
    det.event(5, 6, 8_200, 1, out); // 0 (no left neighbour)
    det.event(6, 6, 9_100, 0, out); // left neighbour (5, 6) at delay 1 but opposite polarity: 0
    det.advanceTo(10_000, out);
    assertEquals(3, reads.size());
    assertArrayEquals(new int[] {0, 0}, reads.get(0));
    assertArrayEquals(new int[] {Q16.fromDouble(0.5), 0}, reads.get(1), "bin 8: the sum of its two events");
    // after the readout the row is shifted down by its maximum: (0, -0.5); one bin later it has
    // decayed by lambda = exp(-1 ms / 2 ms), in Q16.16: floor(v f / 2^16)
    int f = Q16.fromDouble(Math.exp(-0.5));
    int expected = (int) Math.floorDiv((long) -Q16.fromDouble(0.5) * f, 1L << 16);
    assertArrayEquals(new int[] {0, expected}, reads.get(2));
  }

  @Test
  void windowedActivityCountsTheSpikesOfTheLastBins() {
    MotionDetector det = new MotionDetector(kernel(G),
        MotionDetectorConfig.of(8, 8).withSpikeMargin(0.1).withActivityWindowBins(3));
    MotionOutputs out = det.newOutputs();
    MotionInputs in = new MotionInputs(1);
    det.event(4, 5, 7_100, 1, out);
    for (int b = 8; b <= 10; b++) {
      det.event(5, 5, b * 1_000L + 100, 1, out); // each sees (4, 5) at delay b - 7: spikes
    }
    in.count = 0;
    // readouts of bins 7 (no spike), 8, 9, 10 (spikes); the clock at bin 11: the window is bins 9..11
    in.advanceToUs = 11_000;
    det.step(in, out);
    assertEquals(2, out.activity[0]);
    assertEquals(3, out.spikeTotals[0]);
    in.advanceToUs = 12_000; // bins 10..12: bin 9 has left
    det.step(in, out);
    assertEquals(1, out.activity[0]);
    in.advanceToUs = 500_000;
    det.step(in, out);
    assertEquals(0, out.activity[0]);
  }
}
