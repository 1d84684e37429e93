package io.ganglion.firmware.core;

import static io.ganglion.firmware.core.SimRobot.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.testkit.AllocationMeter;
import org.junit.jupiter.api.Test;

class FirmwareAllocationTest {

  @Test
  void aTickOfEveryTaskAllocatesNothingArmed() {
    SimRobot r = new SimRobot();
    r.run(1);
    assertEquals(ArmState.ARMED, r.firmware.failsafe().state());
    AllocationMeter.assertAllocationFree("firmware loop, armed", 2_000, 1_000, () -> r.firmware.run(20 * MS));
  }

  @Test
  void theFailsafePathAllocatesNothing() {
    SimRobot r = new SimRobot();
    r.recordEvents = false;
    r.run(1);
    long[] t = {0};
    // every run trips the failsafe (e-stop) or re-arms it: two transitions with their events and safe outputs
    AllocationMeter.assertAllocationFree("firmware loop, tripping and re-arming", 2_000, 1_000, () -> {
      if ((t[0]++ & 1) == 0) {
        r.estop.press();
      } else {
        r.estop.release();
        r.firmware.requests().requestRearm();
      }
      r.firmware.run(10 * MS);
    });
    assertTrue(r.firmware.failsafe().trips() > 1_000, "the runs did trip");
  }
}
