package io.ganglion.firmware.failsafe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailsafeStateMachineTest {

  private final List<FailsafeEvent> events = new ArrayList<>();
  private final List<ArmState> entered = new ArrayList<>();
  private final Failsafe f = new Failsafe(e -> {
    FailsafeEvent copy = new FailsafeEvent();
    copy.copyFrom(e);
    events.add(copy);
  }, entered::add);

  @Test
  void startsDisarmedAndArmsOnlyWithoutActiveFaults() {
    assertEquals(ArmState.DISARMED, f.state());
    f.report(Failsafe.OWNER_MONITOR, FailsafeReason.ESTOP.bit(), 10);
    assertFalse(f.arm(20, FailsafeReason.ARM_REQUEST));
    assertEquals(ArmState.DISARMED, f.state());
    assertEquals(1, f.refusedRequests());
    f.report(Failsafe.OWNER_MONITOR, 0, 30);
    assertTrue(f.arm(40, FailsafeReason.ARM_REQUEST));
    assertEquals(ArmState.ARMED, f.state());
    assertEquals(1, events.size());
    FailsafeEvent e = events.get(0);
    assertEquals(ArmState.DISARMED, e.from);
    assertEquals(ArmState.ARMED, e.to);
    assertEquals(FailsafeReason.ARM_REQUEST, e.reason);
    assertEquals(40, e.timeNanos);
    assertEquals(1, e.sequence);
  }

  @Test
  void aFaultWhileArmedTripsAtOnceAndDrivesOutputsSafeInTheSameCall() {
    f.arm(0, FailsafeReason.AUTO_ARM);
    entered.clear();
    assertTrue(f.report(Failsafe.OWNER_CONTROLLER, FailsafeReason.CONTROLLER_FAULT.bit(), 5, "law 'ncap'", 1));
    assertEquals(ArmState.FAILSAFE, f.state());
    assertEquals(List.of(ArmState.FAILSAFE), entered);
    FailsafeEvent e = events.get(events.size() - 1);
    assertEquals(FailsafeReason.CONTROLLER_FAULT, e.reason);
    assertEquals("law 'ncap'", e.source);
    assertEquals(1, e.detailFlags);
    assertEquals(FailsafeReason.CONTROLLER_FAULT.bit(), e.conditions);
    assertEquals(1, f.trips());
  }

  @Test
  void failsafeIsLatchedUntilReArmedAfterTheFaultClears() {
    f.arm(0, FailsafeReason.AUTO_ARM);
    f.report(Failsafe.OWNER_MONITOR, FailsafeReason.ESTOP.bit(), 1);
    f.report(Failsafe.OWNER_MONITOR, 0, 2);
    assertEquals(ArmState.FAILSAFE, f.state(), "clearing the fault does not leave FAILSAFE by itself");
    assertFalse(f.arm(3, FailsafeReason.ARM_REQUEST), "arm works only from DISARMED");
    f.report(Failsafe.OWNER_MONITOR, FailsafeReason.ESTOP.bit(), 4);
    assertFalse(f.rearm(5), "re-arm is refused while the fault is active");
    f.report(Failsafe.OWNER_MONITOR, 0, 6);
    assertTrue(f.rearm(7));
    assertEquals(ArmState.ARMED, f.state());
    assertEquals(FailsafeReason.REARM_REQUEST, events.get(events.size() - 1).reason);
  }

  @Test
  void disarmWorksFromArmedAndFromFailsafeButNotFromDisarmed() {
    assertFalse(f.disarm(0, FailsafeReason.DISARM_REQUEST));
    f.arm(1, FailsafeReason.ARM_REQUEST);
    assertTrue(f.disarm(2, FailsafeReason.DISARM_REQUEST));
    assertEquals(ArmState.DISARMED, f.state());
    f.arm(3, FailsafeReason.ARM_REQUEST);
    f.report(Failsafe.OWNER_MONITOR, FailsafeReason.STALE_INPUT.bit(), 4);
    assertTrue(f.disarm(5, FailsafeReason.DISARM_REQUEST));
    assertEquals(ArmState.DISARMED, f.state());
    assertEquals(List.of(ArmState.ARMED, ArmState.DISARMED, ArmState.ARMED, ArmState.FAILSAFE, ArmState.DISARMED),
        entered);
  }

  @Test
  void conditionsAreTheUnionOfTheOwnersAndClearPerOwner() {
    f.report(Failsafe.OWNER_MONITOR, FailsafeReason.ESTOP.bit() | FailsafeReason.STALE_INPUT.bit(), 0);
    f.report(Failsafe.OWNER_CONTROLLER, FailsafeReason.NON_FINITE.bit(), 0);
    assertEquals(FailsafeReason.ESTOP.bit() | FailsafeReason.STALE_INPUT.bit() | FailsafeReason.NON_FINITE.bit(),
        f.conditions());
    f.report(Failsafe.OWNER_MONITOR, 0, 1);
    assertEquals(FailsafeReason.NON_FINITE.bit(), f.conditions(), "the controller's condition stays");
    f.report(Failsafe.OWNER_CONTROLLER, 0, 2);
    assertEquals(0, f.conditions());
  }

  @Test
  void theTripReasonIsTheNewlyRaisedFault() {
    f.report(Failsafe.OWNER_CONTROLLER, 0, 0);
    f.arm(0, FailsafeReason.ARM_REQUEST);
    // DEADLINE_MISS has a lower bit than ESTOP, but only ESTOP is new at the trip
    f.report(Failsafe.OWNER_MONITOR, FailsafeReason.ESTOP.bit(), 1, "e-stop 'estop'", 0);
    assertEquals(FailsafeReason.ESTOP, events.get(events.size() - 1).reason);
    assertEquals(FailsafeReason.DEADLINE_MISS, FailsafeReason.lowestFault(
        FailsafeReason.DEADLINE_MISS.bit() | FailsafeReason.ESTOP.bit()));
  }

  @Test
  void pendingRequestsApplyOnTheLoopThreadAndDisarmWins() {
    FailsafeRequests r = new FailsafeRequests();
    r.requestArm();
    f.applyRequests(r, 1);
    assertEquals(ArmState.ARMED, f.state());
    r.requestRearm();
    r.requestDisarm();
    f.applyRequests(r, 2);
    assertEquals(ArmState.DISARMED, f.state());
    f.applyRequests(r, 3);
    assertEquals(ArmState.DISARMED, f.state(), "requests are consumed once");
  }

  @Test
  void everyFaultHasItsOwnBitAndAName() {
    int all = 0;
    for (FailsafeReason r : FailsafeReason.values()) {
      if (r.isFault()) {
        assertEquals(0, all & r.bit(), r + " shares a bit");
        assertEquals(1, Integer.bitCount(r.bit()));
        assertEquals(r, FailsafeReason.lowestFault(r.bit()));
        assertEquals(r.name(), FailsafeReason.describe(r.bit()));
        all |= r.bit();
      } else {
        assertEquals(0, r.bit());
      }
    }
    assertEquals("none", FailsafeReason.describe(0));
  }
}
