package io.ganglion.firmware.cli.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.sim.motion.MotionModel;
import io.ganglion.sim.motion.MotionModels;
import org.junit.jupiter.api.Test;

/**
 * The shipped built-in model was made with the recipe that {@code motion results} retrains and
 * compares bit for bit (the full comparison takes minutes and lives in that command; this checks
 * that the recipe and the shipped file have not drifted apart).
 */
class BuiltInMotionModelRecipeTest {

  @Test
  void theShippedModelWasTrainedWithTheRecipeThatMotionResultsRetrains() {
    MotionModel m = MotionModels.defaultModel();
    String command = m.training().command();
    assertTrue(command.contains(MotionResults.BUILT_IN_TRAIN_OPTIONS), command);
    assertEquals(MotionResults.BUILT_IN_GEOMETRY, m.geometry());
    assertEquals(MotionResults.BUILT_IN_DIRECTIONS * MotionResults.BUILT_IN_SPEEDS_PX_PER_MS.length, m.classCount());
    long keep = Math.round(MotionResults.BUILT_IN_KEEP * m.weightCount());
    assertEquals(keep, m.nonZeroWeightCount(), "pruned to the recipe's fraction");
  }
}
