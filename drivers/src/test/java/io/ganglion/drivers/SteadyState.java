package io.ganglion.drivers;

import io.ganglion.testkit.AllocationMeter;

/**
 * Allocation checks for the drivers' periodic methods, in steady state: {@link
 * AllocationMeter#assertAllocationFree} with a long warm-up.
 *
 * <p>With C2, a driver + Pi4J + fake path sees a few one-off allocations of 64..520 bytes on the
 * calling thread during its first ~50,000 calls, while methods are (re)compiled, and none at all
 * under {@code -Xint} or {@code -XX:TieredStopAtLevel=1} (per-1000-call probe, docs/drivers.md):
 * they are JIT transitions, not allocations of the code. So this warms up with 100,000 runs, then
 * measures attempts of 20,000 runs, of which one must read zero bytes and none 8 bytes per run
 * (AllocationMeter's rule); code that allocates on any regular basis (even once per 20,000 calls)
 * reads non-zero in every attempt. No budget: the fakes' paths allocate nothing (Pi4J linuxfs's per-transaction
 * garbage on a real board is not measured here, see docs/drivers.md).
 */
public final class SteadyState {

  /** Warm-up runs before measuring. */
  public static final int WARMUP_RUNS = 100_000;
  /** Runs per measured attempt. */
  public static final int MEASURED_RUNS = 20_000;

  private SteadyState() {}

  /** Asserts that, once warm, {@code block} runs 20,000 times without allocating (in most attempts). */
  public static void assertAllocationFree(String what, AllocationMeter.Block block) {
    AllocationMeter.assertAllocationFree(what, WARMUP_RUNS, MEASURED_RUNS, block);
  }
}
