package io.ganglion.firmware.failsafe;

import io.ganglion.testkit.AllocationMeter;
import org.junit.jupiter.api.Test;

class FailsafeAllocationTest {

  @Test
  void reportsTripsAndTransitionsAllocateNothing() {
    FailsafeEvent kept = new FailsafeEvent();
    Failsafe f = new Failsafe(kept::copyFrom, state -> {});
    FailsafeRequests requests = new FailsafeRequests();
    long[] t = {0};
    AllocationMeter.assertAllocationFree("failsafe cycle", () -> {
      long now = t[0]++;
      f.report(Failsafe.OWNER_MONITOR, 0, now);
      f.arm(now, FailsafeReason.AUTO_ARM);
      f.report(Failsafe.OWNER_MONITOR, FailsafeReason.ESTOP.bit(), now, "e-stop 'estop'", 0);
      f.report(Failsafe.OWNER_MONITOR, 0, now);
      f.rearm(now);
      requests.requestDisarm();
      f.applyRequests(requests, now);
    });
  }
}
