package io.ganglion.drivers;

import io.ganglion.testkit.AllocationMeter;

/**
 * Allocation checks for the drivers' periodic methods. The warm-up is longer than the
 * AllocationMeter default: with C2, the first ~50,000 calls of a driver + fake path see a few
 * one-off allocations of 64..520 bytes on the calling thread while methods are recompiled, none
 * afterwards, and none at all under {@code -Xint} or {@code -XX:TieredStopAtLevel=1} (measured
 * with a per-1000-call probe, see docs/drivers.md), so they are JIT transitions, not the code.
 */
public final class SteadyState {

  private SteadyState() {}

  /** 100,000 warm-up runs, then 20,000 measured runs must allocate zero bytes. */
  public static void assertAllocationFree(String what, AllocationMeter.Block block) {
    AllocationMeter.assertAllocationFree(what, 100_000, 20_000, block);
  }
}
