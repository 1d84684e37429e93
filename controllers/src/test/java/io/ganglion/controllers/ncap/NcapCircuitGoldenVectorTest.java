package io.ganglion.controllers.ncap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Bit-exact determinism of the fixed-point NCAP law: a fixed, seeded input sequence of 10,000
 * steps must give the same 64-bit hash of all outputs (every action and the fault flags of every
 * step) on every JVM and CPU.
 *
 * <p>A change to one of these literals is a change of the control law: recorded runs no longer
 * replay bit-identically. Change them only on purpose, say why in the commit message, and update
 * docs/ncap.md ("Golden hashes").
 */
class NcapCircuitGoldenVectorTest {

  private static final int STEPS = 10_000;
  private static final int JOINTS = 5;

  /** Sequence seed: the inputs. */
  private static final long INPUT_SEED = 0x6e636170L;  // "ncap"
  /** Weight seed: the unshared circuit's random weights. */
  private static final long WEIGHT_SEED = 20221128L;

  private static final long GOLDEN_DEFAULT_SHARED = 0x44c3d9dc7593a873L;
  private static final long GOLDEN_SHARED_SPEED_TURN = 0xccc3efbbaae05671L;
  private static final long GOLDEN_UNSHARED_SPEED_TURN = 0x7a77d3b66b396533L;

  @Test
  void defaultSharedCircuitGivesTheGoldenHash() {
    assertGolden(GOLDEN_DEFAULT_SHARED, NcapConfig.defaults(JOINTS));
  }

  @Test
  void sharedCircuitWithSpeedAndTurnUnitsGivesTheGoldenHash() {
    NcapConfig config = NcapConfig.builder(JOINTS).speedUnit(true).turnUnit(true)
        .weights(0.8, 1.2, 0.9, -0.7, -0.6, 0.5).build();
    assertGolden(GOLDEN_SHARED_SPEED_TURN, config);
  }

  @Test
  void unsharedCircuitWithSpeedAndTurnUnitsGivesTheGoldenHash() {
    NcapConfig layout = NcapConfig.builder(JOINTS).layout(NcapConfig.Layout.UNSHARED).speedUnit(true)
        .turnUnit(true).build();
    // Weights in [-0.5, 1.5]: some excitatory weights negative and some inhibitory positive, so the
    // sign constraints are part of what the hash pins.
    NcapConfig config = NcapTestSupport.withRandomWeights(layout, new SplittableRandom(WEIGHT_SEED), -0.5, 1.5);
    assertGolden(GOLDEN_UNSHARED_SPEED_TURN, config);
  }

  private static void assertGolden(long golden, NcapConfig config) {
    long first = hashOfRun(config);
    assertEquals(first, hashOfRun(config), "two runs of the same sequence differ: the law is not deterministic");
    assertEquals(golden, first, () -> String.format("output hash of %s is 0x%016xL, golden 0x%016xL: the control law"
        + " changed (see the class comment)", config, first, golden));
  }

  /** FNV-1a over every action and the fault flags of each step; reset at step 5,000. */
  private static long hashOfRun(NcapConfig config) {
    NcapCircuit circuit = new NcapCircuit(config);
    NcapInputs in = circuit.newInputs();
    NcapOutputs out = circuit.newOutputs();
    SplittableRandom rnd = new SplittableRandom(INPUT_SEED);
    NcapTestSupport.Fnv64 hash = new NcapTestSupport.Fnv64();
    for (int t = 0; t < STEPS; t++) {
      if (t == STEPS / 2) {
        circuit.reset();
      }
      NcapTestSupport.randomInputs(rnd, config.bodyCount(), in);
      circuit.step(in, out);
      for (int a : out.actionQ16) {
        hash.add(a);
      }
      hash.add(out.faultFlags);
    }
    return hash.value();
  }
}
