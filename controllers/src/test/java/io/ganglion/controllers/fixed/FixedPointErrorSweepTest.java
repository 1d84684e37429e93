package io.ganglion.controllers.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.fixed.FixedPointErrorSweep.Row;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The error-table generator: one row per function, each within its documented bound, over the full domains. */
class FixedPointErrorSweepTest {

  @Test
  void everyRowIsWithinTheBoundDocumentedForItsFunction() {
    List<Row> rows = FixedPointErrorSweep.all(4099, 100_000, 7);
    Map<String, Row> byName = rows.stream().collect(Collectors.toMap(Row::function, Function.identity()));
    assertEquals(List.of("Q16.fromDouble", "Q16.mul", "Q16.div", "Q16.mulAdd", "Phase.sin", "Phase.cos",
        "FixedMath.exp", "FixedMath.sigmoid", "FixedMath.tanh"), rows.stream().map(Row::function).toList());
    double halfUlp = 0x1p-17;
    for (String op : List.of("Q16.fromDouble", "Q16.mul", "Q16.div", "Q16.mulAdd")) {
      assertTrue(byName.get(op).maxAbsError() <= halfUlp, op + ": " + byName.get(op));
      assertTrue(byName.get(op).points() > 50_000, op + ": " + byName.get(op));
    }
    // mul, div and mulAdd reach exactly half an ulp at ties (e.g. 2^-16 * 0.5), which the edge set contains
    assertEquals(halfUlp, byName.get("Q16.mul").maxAbsError());
    assertTrue(byName.get("Phase.sin").maxAbsError() <= Phase.SIN_MAX_ABS_ERROR);
    assertTrue(byName.get("Phase.cos").maxAbsError() <= Phase.SIN_MAX_ABS_ERROR);
    assertEquals((1L << 32) / 4099 + 1 + 2 * Phase.TABLE_SIZE, byName.get("Phase.sin").points());
    assertTrue(byName.get("FixedMath.exp").maxAbsError() <= FixedMath.EXP_MAX_ABS_ERROR);
    assertTrue(byName.get("FixedMath.sigmoid").maxAbsError() <= FixedMath.SIGMOID_MAX_ABS_ERROR);
    assertTrue(byName.get("FixedMath.tanh").maxAbsError() <= FixedMath.TANH_MAX_ABS_ERROR);
    // the exhaustive ranges: every Q16.16 input between the saturation limits
    assertEquals(FixedMath.EXP_SATURATION_INPUT - (long) FixedMath.EXP_ZERO_BELOW, byName.get("FixedMath.exp").points());
    assertEquals(2L * FixedMath.SIGMOID_SATURATION_INPUT - 1, byName.get("FixedMath.sigmoid").points());
    assertEquals(2L * FixedMath.TANH_SATURATION_INPUT - 1, byName.get("FixedMath.tanh").points());
    // where the maximum was found is reproducible text
    assertTrue(byName.get("FixedMath.tanh").atInput().startsWith("x = "), byName.get("FixedMath.tanh").atInput());
    assertTrue(byName.get("Phase.sin").atInput().startsWith("phase = 0x"), byName.get("Phase.sin").atInput());
  }

  @Test
  void sameSeedGivesTheSameTable() {
    assertEquals(FixedPointErrorSweep.q16Div(50_000, 3), FixedPointErrorSweep.q16Div(50_000, 3));
  }

  @Test
  void expRelativeErrorRowCoversTheResultsAboveOne() {
    Row row = FixedPointErrorSweep.expRelative();
    assertEquals(FixedMath.EXP_SATURATION_INPUT, row.points());
    assertTrue(row.maxAbsError() <= 0x1p-17, row.toString());
  }

  @Test
  void aPhaseStrideBelowOneIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> FixedPointErrorSweep.sin(0));
  }
}
