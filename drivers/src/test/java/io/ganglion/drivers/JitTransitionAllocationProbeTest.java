package io.ganglion.drivers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.drivers.adc.AdcIOPi4j;
import io.ganglion.drivers.adc.AdcInputs;
import io.ganglion.drivers.adc.Ads1115ChannelConfig;
import io.ganglion.drivers.adc.Ads1115Config;
import io.ganglion.drivers.adc.Ads1115Input;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.ManualNanoClock;
import io.ganglion.testkit.AllocationMeter;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Diagnostic behind {@link SteadyState}: bytes allocated per batch of 1,000 ADS1115
 * {@code updateInputs} calls, for 300 batches, printed to the test output. Under C2 a few early
 * batches show one-off allocations (JIT transitions); run with {@code -DargLine=-Xint} they are
 * all zero. Asserts that batches 100..299 (after 100,000 calls) allocate nothing.
 */
@Tag("slow")
class JitTransitionAllocationProbeTest {

  @Test
  void allocationsStopAfterWarmUp() {
    ManualNanoClock clock = new ManualNanoClock(0);
    try (FakeBoard board = new FakeBoard(clock)) {
      board.addAds1115(1, 0x49).setInputVoltage(0, 1.0);
      AdcIOPi4j io = new AdcIOPi4j(board.context(), new Ads1115Config("adc", 1, 0x49, 860, false, List.of(
          Ads1115ChannelConfig.of("a", Ads1115Input.AIN0, 4.096),
          Ads1115ChannelConfig.of("b", Ads1115Input.AIN1_AIN3, 0.512))), clock);
      AdcInputs in = new AdcInputs(2);
      long[] batches = new long[300];
      for (int b = 0; b < batches.length; b++) {
        long before = AllocationMeter.currentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) {
          clock.advance(500_000L);
          io.updateInputs(in);
        }
        batches[b] = AllocationMeter.currentThreadAllocatedBytes() - before;
      }
      StringBuilder nonZero = new StringBuilder();
      long late = 0;
      for (int b = 0; b < batches.length; b++) {
        if (batches[b] != 0) {
          nonZero.append(" batch ").append(b).append(": ").append(batches[b]).append(" B;");
        }
        if (b >= 100) {
          late += batches[b];
        }
      }
      System.out.println("allocation per 1000 calls, non-zero batches:" + nonZero);
      assertEquals(0, late, "bytes allocated after 100,000 calls");
    }
  }
}
