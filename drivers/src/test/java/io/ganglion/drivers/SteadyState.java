package io.ganglion.drivers;

import io.ganglion.testkit.AllocationMeter;
import java.util.Arrays;

/**
 * Allocation checks for the drivers' periodic methods, in steady state.
 *
 * <p>With C2, a driver + Pi4J + fake path sees a few one-off allocations of 64..520 bytes on the
 * calling thread during its first ~50,000 calls, while methods are (re)compiled, and none at all
 * under {@code -Xint} or {@code -XX:TieredStopAtLevel=1} (per-1000-call probe, docs/drivers.md):
 * they are JIT transitions, not allocations of the code. So after a 100,000-run warm-up this
 * measures rounds of 20,000 runs and passes on the first round that allocates zero bytes; code
 * that allocates on any regular basis (even once per 20,000 calls) fails all five rounds.
 */
public final class SteadyState {

  private static final int ROUNDS = 5;

  private SteadyState() {}

  /** Asserts that, once warm, {@code block} runs 20,000 times without allocating. */
  public static void assertAllocationFree(String what, AllocationMeter.Block block) {
    AllocationMeter.bytesAllocatedBy(100_000, block);
    long[] rounds = new long[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      rounds[r] = AllocationMeter.bytesAllocatedBy(20_000, block);
      if (rounds[r] == 0) {
        return;
      }
    }
    throw new AssertionError(what + " allocated in every round of 20,000 runs: " + Arrays.toString(rounds)
        + " bytes; hot paths must allocate nothing");
  }
}
