package io.ganglion.firmware.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.failsafe.FailsafeEvent;
import io.ganglion.firmware.failsafe.FailsafeReason;
import io.ganglion.testkit.AllocationMeter;
import org.junit.jupiter.api.Test;

class EventRingTest {

  private static FailsafeEvent event(long seq) {
    FailsafeEvent e = new FailsafeEvent();
    e.sequence = seq;
    e.from = ArmState.ARMED;
    e.to = ArmState.FAILSAFE;
    e.reason = FailsafeReason.ESTOP;
    return e;
  }

  @Test
  void keepsOrderCopiesEventsAndDropsWhenFull() {
    EventRing ring = new EventRing(4);
    FailsafeEvent reused = event(0);
    for (long i = 1; i <= 6; i++) {
      reused.sequence = i;
      assertEquals(i <= 4, ring.offer(reused));
    }
    assertEquals(2, ring.dropped());
    FailsafeEvent out = new FailsafeEvent();
    for (long i = 1; i <= 4; i++) {
      assertTrue(ring.poll(out));
      assertEquals(i, out.sequence, "the ring copied the event, not the reused object");
      assertEquals(FailsafeReason.ESTOP, out.reason);
    }
    assertFalse(ring.poll(out));
  }

  @Test
  void offerAndPollAllocateNothing() {
    EventRing ring = new EventRing(8);
    FailsafeEvent in = event(1);
    FailsafeEvent out = new FailsafeEvent();
    AllocationMeter.assertAllocationFree("EventRing offer/poll", () -> {
      ring.offer(in);
      ring.poll(out);
    });
  }
}
