package io.ganglion.firmware.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.controllers.ncap.NcapConfig;
import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.law.NcapLaw;
import io.ganglion.sim.swimmer.NcapSwimmerLaw;
import io.ganglion.sim.swimmer.SwimmerControlLaw;
import io.ganglion.sim.swimmer.SwimmerCsvWriter;
import io.ganglion.sim.swimmer.SwimmerModel;
import io.ganglion.sim.swimmer.SwimmerRun;
import io.ganglion.sim.swimmer.SwimmerRunResult;
import io.ganglion.sim.swimmer.SwimmerState;
import io.ganglion.sim.swimmer.WaveLaw;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code ganglion sim swimmer} runs through the firmware runtime; its CSV must stay byte-identical
 * to the direct {@link SwimmerRun} loop (the numbers in docs/swimmer.md come from it).
 */
class SwimmerSimulationMatchesSwimmerRunTest {

  private static String direct(int links, SwimmerControlLaw law, long steps, long seed, SwimmerRunResult[] out) {
    SwimmerState state = new SwimmerState(SwimmerModel.dmControl(links));
    if (seed >= 0) {
      state.randomize(seed);
    }
    StringWriter csv = new StringWriter();
    out[0] = new SwimmerRun(state, law).recorder(new SwimmerCsvWriter(csv, links - 1)).run(steps);
    return csv.toString();
  }

  private static String runtime(int links, boolean ncap, NcapConfig config, long steps, long seed, SwimmerRunResult[] out,
      SwimmerSimulation[] sim) {
    SwimmerState state = new SwimmerState(SwimmerModel.dmControl(links));
    if (seed >= 0) {
      state.randomize(seed);
    }
    StringWriter csv = new StringWriter();
    sim[0] = new SwimmerSimulation(state, ncap ? new NcapLaw(config)
        : new SwimmerLawAdapter(WaveLaw.reference(), state)).recorder(new SwimmerCsvWriter(csv, links - 1));
    out[0] = sim[0].run(steps);
    return csv.toString();
  }

  private static void assertSame(SwimmerRunResult a, SwimmerRunResult b) {
    assertEquals(a.controlSteps(), b.controlSteps());
    assertEquals(a.physicsSteps(), b.physicsSteps());
    assertEquals(a.distanceM(), b.distanceM(), 0.0);
    assertEquals(a.pathLengthM(), b.pathLengthM(), 0.0);
    assertEquals(a.meanForwardSpeedMS(), b.meanForwardSpeedMS(), 0.0);
    assertEquals(a.swimReturn(), b.swimReturn(), 0.0);
    assertEquals(a.finalNoseX(), b.finalNoseX(), 0.0);
    assertEquals(a.finalNoseY(), b.finalNoseY(), 0.0);
    assertEquals(a.fault(), b.fault());
  }

  @Test
  void theDefaultNcapRunIsByteIdentical() {
    SwimmerRunResult[] a = new SwimmerRunResult[1];
    SwimmerRunResult[] b = new SwimmerRunResult[1];
    SwimmerSimulation[] sim = new SwimmerSimulation[1];
    String expected = direct(6, NcapSwimmerLaw.shared(5, 1, 1, 1, -1), 1000, -1, a);
    String actual = runtime(6, true, NcapConfig.shared(5, 1, 1, 1, -1), 1000, -1, b, sim);
    assertEquals(expected, actual);
    assertSame(a[0], b[0]);
    assertEquals(1001, expected.lines().count());
    assertEquals(ArmState.ARMED, sim[0].firmware().failsafe().state(), "armed at t = 0, never tripped");
    assertEquals(1, sim[0].firmware().failsafe().transitions());
  }

  @Test
  void otherLawsLinkCountsAndRandomStartsAreByteIdenticalToo() {
    SwimmerRunResult[] a = new SwimmerRunResult[1];
    SwimmerRunResult[] b = new SwimmerRunResult[1];
    SwimmerSimulation[] sim = new SwimmerSimulation[1];
    assertEquals(direct(6, WaveLaw.reference(), 300, -1, a), runtime(6, false, null, 300, -1, b, sim));
    assertSame(a[0], b[0]);
    NcapConfig w = NcapConfig.shared(8, 0.8, 1, 1, -0.6);
    assertEquals(direct(9, new NcapSwimmerLaw(w), 300, 7, a), runtime(9, true, w, 300, 7, b, sim));
    assertSame(a[0], b[0]);
  }

  @Test
  void twoRunsThroughTheRuntimeAreIdentical() {
    SwimmerRunResult[] b = new SwimmerRunResult[1];
    SwimmerSimulation[] sim = new SwimmerSimulation[1];
    NcapConfig c = NcapConfig.defaults(4);
    assertEquals(runtime(5, true, c, 200, 3, b, sim), runtime(5, true, c, 200, 3, b, sim));
  }
}
