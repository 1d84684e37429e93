package io.ganglion.firmware.runtime;

import io.ganglion.testkit.AllocationMeter;
import org.junit.jupiter.api.Test;

class LoopSchedulerAllocationTest {

  @Test
  void schedulingAndStatisticsAllocateNothingPerTick() {
    VirtualClock clock = new VirtualClock();
    LoopScheduler s = new LoopScheduler(clock, OverrunPolicy.SKIP);
    long[] sink = new long[3];
    s.add("servo", 1_000_000L, now -> sink[0] += now);
    s.add("imu", 5_000_000L, now -> sink[1] += now);
    s.add("controller", 30_000_000L, 1_000_000L, now -> sink[2] += now);
    // each run: 30 ms of loop time, 30 + 6 + 1 releases with their histogram records
    AllocationMeter.assertAllocationFree("LoopScheduler.runFor", 2_000, 1_000, () -> s.runFor(30_000_000L));
  }

  @Test
  void overrunBookkeepingAllocatesNothing() {
    VirtualClock clock = new VirtualClock();
    LoopScheduler s = new LoopScheduler(clock, OverrunPolicy.SKIP);
    s.add("stalling", 1_000_000L, now -> {
      if (now % 7_000_000L == 0) {
        clock.sleepUntil(now + 3_500_000L);
      }
    });
    AllocationMeter.assertAllocationFree("LoopScheduler skip path", 2_000, 1_000, () -> s.runFor(20_000_000L));
  }
}
