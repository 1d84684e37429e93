package io.ganglion.firmware.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.failsafe.FailsafeReason;
import org.junit.jupiter.api.Test;

/**
 * An operator's disarm request is never overridden by the start-up auto-arm: a board waiting to
 * auto-arm (its e-stop held) that is told to disarm stays disarmed when the e-stop is released, and
 * only an explicit arm request arms it.
 */
class FirmwareDisarmCancelsAutoArmTest {

  @Test
  void aDisarmRequestedWhileWaitingToAutoArmKeepsTheBoardDisarmed() {
    SimRobot r = new SimRobot();
    r.estop.press();
    r.run(20);
    assertEquals(ArmState.DISARMED, r.firmware.failsafe().state());
    r.firmware.requests().requestDisarm();
    r.estop.release();
    r.run(50);
    assertEquals(ArmState.DISARMED, r.firmware.failsafe().state(), "the disarm request must win over auto-arm");
    assertArrayEquals(new double[] {0, 0}, r.controls, "outputs stay safe");
    r.firmware.requests().requestArm();
    r.run(1);
    assertEquals(ArmState.ARMED, r.firmware.failsafe().state(), "an explicit arm request still arms");
    assertEquals(FailsafeReason.ARM_REQUEST, r.last().reason);
  }

  @Test
  void aDisarmRequestedInTheSameTickAsTheFirstHealthyOneWins() {
    SimRobot r = new SimRobot();
    r.firmware.requests().requestDisarm();
    r.run(10);
    assertEquals(ArmState.DISARMED, r.firmware.failsafe().state(), "a pending disarm wins");
    assertEquals(0, r.events.size(), "no transition at all");
  }
}
