package io.ganglion.controllers.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.controllers.fixed.Q16;
import org.junit.jupiter.api.Test;

/**
 * After a readout, a neuron's row is V = max(V - best, FLOOR) with the saturating subtraction of
 * {@link Q16#sub}, so every V is back in [FLOOR, 0] for the next bin, whatever the values were.
 */
class OutputNeuronsShiftTest {

  @Test
  void theShiftSaturatesForValuesNearTheIntMinimumWhateverTheWinnersSign() {
    MotionGeometry g = new MotionGeometry(1, 1000, 0, 16, 20000);
    int[][] rows = {
      {100, Integer.MIN_VALUE + 50, -5, 0}, // winner > 0, a value within 'winner' of MIN: V - best would wrap
      {(1 << 30) - 1, Integer.MIN_VALUE, 0, -(1 << 30)},
      {-(1 << 30), Integer.MIN_VALUE, -(1 << 30) - 7, Integer.MIN_VALUE + 1}, // winner at FLOOR
      {-(1 << 30) - 1, Integer.MIN_VALUE, -(1 << 30) - 2, Integer.MIN_VALUE}, // winner below FLOOR
      {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, 1 << 30},
    };
    for (int[] row : rows) {
      // maxAbsEntry 1: the first bound is 2^30 rows, never reached here, so the row is not clamped first
      OutputNeurons n = new OutputNeurons(g, 4, MotionDetectorConfig.of(16, 16), 1, true);
      int base = n.touch(0, 5);
      System.arraycopy(row, 0, n.v, base, 4);
      n.readout(5, 6000, n.slotOf(5), null, new MotionOutputs(4, 16));

      int best = Integer.MIN_VALUE;
      for (int x : row) {
        best = Math.max(best, x);
      }
      int[] expected = new int[4];
      for (int c = 0; c < 4; c++) {
        expected[c] = Math.max(Q16.sub(row[c], best), MotionDetector.FLOOR);
      }
      assertArrayEquals(expected, java.util.Arrays.copyOfRange(n.v, base, base + 4), java.util.Arrays.toString(row));
      for (int c = 0; c < 4; c++) {
        assertEquals(true, n.v[base + c] <= 0 && n.v[base + c] >= MotionDetector.FLOOR, "in [FLOOR, 0]");
      }
    }
  }
}
