package io.ganglion.controllers.ncap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.controllers.fixed.Q16;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The head oscillator: a square wave with the dorsal unit on exactly when (t mod P) &lt; P / 2,
 * t counted from 0 after construction or reset (swimref.c's {@code (t % 60) < 30}).
 */
class NcapOscillatorTest {

  @Test
  void headJointFollowsTheSixtyStepSquareWave() {
    assertSquareWave(60, 600);
  }

  @Test
  void periodIsConfigurableAndOddPeriodsGiveTheShorterHalfToDorsal() {
    assertSquareWave(10, 100);
    assertSquareWave(7, 70);  // 3 steps dorsal, 4 ventral
    assertSquareWave(2, 20);
  }

  @Test
  void resetRestoresTheInitialOscillatorPhase() {
    NcapConfig config = NcapConfig.builder(5).speedUnit(true).turnUnit(true).build();
    NcapCircuit used = new NcapCircuit(config);
    NcapReference usedRef = new NcapReference(config);
    NcapInputs in = used.newInputs();
    NcapOutputs out = used.newOutputs();
    double[] u = new double[5];
    SplittableRandom rnd = new SplittableRandom(11);
    for (int t = 0; t < 47; t++) {
      NcapTestSupport.randomInputs(rnd, 6, in);
      used.step(in, out);
      NcapTestSupport.stepReference(usedRef, in, u);
    }
    used.reset();
    usedRef.reset();
    assertEquals(0, usedRef.stepCount());

    NcapCircuit fresh = new NcapCircuit(config);
    NcapReference freshRef = new NcapReference(config);
    NcapOutputs outFresh = fresh.newOutputs();
    double[] uFresh = new double[5];
    SplittableRandom seq = new SplittableRandom(12);
    for (int t = 0; t < 130; t++) {
      NcapTestSupport.randomInputs(seq, 6, in);
      used.step(in, out);
      fresh.step(in, outFresh);
      NcapTestSupport.stepReference(usedRef, in, u);
      NcapTestSupport.stepReference(freshRef, in, uFresh);
      assertArrayEquals(outFresh.actionQ16, out.actionQ16, "step " + t + " after reset");
      assertArrayEquals(uFresh, u, 0.0, "reference step " + t + " after reset");
    }
  }

  private static void assertSquareWave(int period, int steps) {
    NcapConfig config = NcapConfig.builder(3).oscillatorPeriodSteps(period).build();
    NcapCircuit circuit = new NcapCircuit(config);
    NcapReference ref = new NcapReference(config);
    NcapInputs in = circuit.newInputs();  // body straight: only the oscillator drives
    NcapOutputs out = circuit.newOutputs();
    double[] u = new double[3];
    for (int t = 0; t < steps; t++) {
      circuit.step(in, out);
      ref.step(new double[3], u);
      int expected = (t % period) < period / 2 ? Q16.ONE : -Q16.ONE;
      assertEquals(expected, out.actionQ16[0], "period " + period + " step " + t);
      assertEquals(Q16.toDouble(expected), u[0], 0.0, "reference, period " + period + " step " + t);
      assertEquals(0, out.actionQ16[1], "straight body: no proprioceptive drive");
    }
  }
}
