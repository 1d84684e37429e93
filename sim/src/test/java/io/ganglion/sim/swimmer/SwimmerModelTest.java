package io.ganglion.sim.swimmer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SwimmerModelTest {

  @Test
  void dragCoefficientsAreThoseOfTheDmControlBox() {
    SwimmerModel m = SwimmerModel.dmControl(6);
    assertEquals(3.0, m.lateralDragCoef(), 1e-12);
    assertEquals(0.06, m.axialDragCoef(), 1e-12);
    assertEquals(3000 * 0.02 * (Math.pow(0.002, 4) + Math.pow(0.1, 4)) / 64, m.yawDragCoef(), 1e-15);
    assertEquals(Math.toRadians(60), m.jointRangeRad(), 1e-15);
  }

  /** MuJoCo's dof_invweight0 printed by tools/mujoco-harness ({@code swimmer_harness consts N}). */
  @ParameterizedTest
  @ValueSource(ints = {3, 6, 15})
  void hingeInverseWeightsMatchMujocoCompiledModel(int bodies) throws IOException {
    List<Double> mujoco = mujocoInvWeights(bodies);
    SwimmerModel m = SwimmerModel.dmControl(bodies);
    for (int j = 0; j < m.joints(); j++) {
      double expected = mujoco.get(3 + j);
      assertEquals(expected, m.hingeInvWeight0(j), expected * 1e-9, "hinge " + j);
    }
  }

  private static List<Double> mujocoInvWeights(int bodies) throws IOException {
    List<Double> values = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        SwimmerModelTest.class.getResourceAsStream("/mujoco/consts" + bodies + ".csv"), StandardCharsets.UTF_8))) {
      r.readLine();
      for (String line = r.readLine(); line != null && !line.startsWith("body"); line = r.readLine()) {
        values.add(Double.parseDouble(line.split(",")[1]));
      }
    }
    return values;
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 51, 0, -3})
  void rejectsLinkCountsOutsideThreeToFifty(int bodies) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> SwimmerModel.dmControl(bodies));
    assertTrue(e.getMessage().contains("between 3 and 50"), e.getMessage());
  }

  @Test
  void rejectsNonFiniteParameters() {
    SwimmerConfig c = SwimmerConfig.dmControl(6);
    SwimmerConfig bad = new SwimmerConfig(6, c.linkLengthM(), Double.NaN, c.boxHalfWidthM(), c.boxHalfHeightM(),
        c.fluidDensityKgM3(), c.motorGearNm(), c.armatureKgM2(), c.jointRangeRad(), c.limitTimeConstS(),
        c.limitDampRatio(), c.limitImpedanceMin(), c.limitImpedanceMax(), c.limitImpedanceWidthRad(),
        c.limitImpedanceMidpoint(), c.limitImpedancePower(), c.timestepS());
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new SwimmerModel(bad));
    assertTrue(e.getMessage().contains("link mass"), e.getMessage());
  }
}
