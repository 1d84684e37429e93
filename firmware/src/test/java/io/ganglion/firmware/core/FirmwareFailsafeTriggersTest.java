package io.ganglion.firmware.core;

import static io.ganglion.firmware.core.SimRobot.MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.FaultFlags;
import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.gpio.LedPattern;
import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.failsafe.FailsafeEvent;
import io.ganglion.firmware.failsafe.FailsafeReason;
import io.ganglion.firmware.failsafe.HeartbeatLinkHealth;
import io.ganglion.firmware.runtime.VirtualClock;
import org.junit.jupiter.api.Test;

/** Each failsafe trigger, on a sim-backed robot in virtual time: trip, reason, source, safe outputs in that tick. */
class FirmwareFailsafeTriggersTest {

  private static void assertTripped(SimRobot r, FailsafeReason reason, String source, long atNanos) {
    assertEquals(ArmState.FAILSAFE, r.firmware.failsafe().state());
    FailsafeEvent e = r.last();
    assertEquals(ArmState.ARMED, e.from);
    assertEquals(ArmState.FAILSAFE, e.to);
    assertEquals(reason, e.reason, e.toString());
    assertEquals(source, e.source, e.toString());
    assertEquals(atNanos, e.timeNanos, e.toString());
    assertArrayEquals(new double[] {0, 0}, r.controls, "safe values");
    assertEquals(LedPattern.DOUBLE_FLASH, r.led.pattern());
  }

  @Test
  void autoArmsAtTheFirstHealthyTickAndDrivesTheLawsCommands() {
    SimRobot r = new SimRobot();
    r.run(1);
    assertEquals(ArmState.ARMED, r.firmware.failsafe().state());
    assertEquals(FailsafeReason.AUTO_ARM, r.last().reason);
    assertEquals(0, r.last().timeNanos);
    assertArrayEquals(new double[] {0.5, 0.5}, r.controls);
    assertEquals(LedPattern.FAST_BLINK, r.led.pattern());
  }

  @Test
  void doesNotArmWhileTheEStopIsPressedAndNeverAutoArmsAgain() {
    SimRobot r = new SimRobot();
    r.estop.press();
    r.run(50);
    assertEquals(ArmState.DISARMED, r.firmware.failsafe().state());
    assertArrayEquals(new double[] {0, 0}, r.controls);
    assertEquals(LedPattern.SLOW_BLINK, r.led.pattern());
    r.estop.release();
    r.run(1);
    assertEquals(ArmState.ARMED, r.firmware.failsafe().state());
    r.firmware.requests().requestDisarm();
    r.run(5);
    assertEquals(ArmState.DISARMED, r.firmware.failsafe().state(), "auto-arm happens once, at start");
    assertArrayEquals(new double[] {0, 0}, r.controls);
  }

  @Test
  void eStopTripsInTheTickThatSamplesIt() {
    SimRobot r = new SimRobot();
    r.run(10);
    r.estop.press();
    r.run(1);
    assertTripped(r, FailsafeReason.ESTOP, "e-stop 'estop'", 10 * MS);
  }

  @Test
  void aSensorFailingThreeReadsInARowTrips() {
    SimRobot r = new SimRobot();
    r.run(10);                                   // encoder reads at 0, 4, 8 ms
    r.encoders[1].setFault(DeviceFaults.BUS_ERROR);
    r.run(30);                                   // failed reads at 12, 16, 20 ms
    assertTripped(r, FailsafeReason.SENSOR_FAILURE, "encoder 'q1'", 20 * MS);
    assertEquals(DeviceFaults.BUS_ERROR, r.last().detailFlags);
  }

  @Test
  void anImuFailureTripsToo() {
    SimRobot r = new SimRobot();
    r.run(7);                                    // imu reads at 0, 5 ms
    r.imu.setFault(DeviceFaults.BUS_ERROR);
    r.run(30);                                   // failed reads at 10, 15, 20 ms
    assertTripped(r, FailsafeReason.SENSOR_FAILURE, "imu 'imu'", 20 * MS);
  }

  @Test
  void aSensorWhoseLastValidReadIsTooOldIsStale() {
    SimRobot r = new SimRobot(SimRobot.settings(1_000), io.ganglion.firmware.failsafe.LinkHealth.ALWAYS_UP, null, 0, null);
    r.run(10);                                   // last valid read at 8 ms
    r.encoders[0].setFault(DeviceFaults.MAGNET_NOT_DETECTED);
    r.run(30);                                   // 8 + 20 ms = 28 ms is still fresh, 29 ms is not
    assertTripped(r, FailsafeReason.STALE_INPUT, "encoder 'q0'", 29 * MS);
  }

  @Test
  void consecutiveDeadlineMissesTrip() {
    VirtualClock[] clock = new VirtualClock[1];
    SimRobot r = new SimRobot(SimRobot.settings(3), io.ganglion.firmware.failsafe.LinkHealth.ALWAYS_UP, "stall", MS,
        now -> {
          if (now == 30 * MS) {
            clock[0].sleepUntil(now + 10 * MS);  // the thread is blocked for 10 ms
          }
        });
    clock[0] = r.clock;
    r.run(50);
    assertEquals(FailsafeReason.DEADLINE_MISS, r.last().reason, r.last().toString());
    assertEquals(ArmState.FAILSAFE, r.firmware.failsafe().state());
    assertTrue(r.last().source.startsWith("task '"), r.last().source);
    assertEquals(40 * MS, r.last().timeNanos, "the first tick after the stall");
    assertArrayEquals(new double[] {0, 0}, r.controls);
  }

  /** A 1 ms task that stalls 2.5 ms every 5 ms from 20 ms on: two misses per stall, never three in a row. */
  private static SimRobot periodicStalls(int maxWindowMisses) {
    VirtualClock[] clock = new VirtualClock[1];
    SimRobot r = new SimRobot(SimRobot.settings(3, maxWindowMisses), io.ganglion.firmware.failsafe.LinkHealth.ALWAYS_UP,
        "stall", MS, now -> {
          if (now >= 20 * MS && now % (5 * MS) == 0) {
            clock[0].sleepUntil(now + 5 * MS / 2);
          }
        });
    clock[0] = r.clock;
    return r;
  }

  @Test
  void aTaskMissingAFifthOfItsReleasesTripsWithoutMissingThreeInARow() {
    SimRobot r = periodicStalls(20);
    r.run(200);
    // each stall: the stalled run and the release it dropped (2 in a row, below the limit of 3);
    // the 10th stall (at 65 ms) makes 20 misses in the task's latest 100 releases, and the servo
    // tick after it (67.5 ms) trips
    assertTripped(r, FailsafeReason.DEADLINE_MISS, "task 'stall'", 67 * MS + MS / 2);
    assertTrue(r.firmware.report().tasks().stream().allMatch(t -> t.maxConsecutiveMisses() < 3),
        "the consecutive rule alone would not trip");
  }

  @Test
  void aMissRateTripHoldsUntilItsMissesLeaveTheWindow() {
    // the same stalls, the last one at 65 ms: the task's 100-release window holds 20 misses until
    // the first stall's run (release 20 ms) leaves it, when release 120 ms comes in
    VirtualClock[] clock = new VirtualClock[1];
    SimRobot r = new SimRobot(SimRobot.settings(3, 20), io.ganglion.firmware.failsafe.LinkHealth.ALWAYS_UP, "stall", MS,
        now -> {
          if (now >= 20 * MS && now <= 65 * MS && now % (5 * MS) == 0) {
            clock[0].sleepUntil(now + 5 * MS / 2);
          }
        });
    clock[0] = r.clock;
    r.run(110);
    assertEquals(ArmState.FAILSAFE, r.firmware.failsafe().state(), r.events.toString());
    r.firmware.requests().requestRearm();
    r.run(1);
    assertEquals(ArmState.FAILSAFE, r.firmware.failsafe().state(), "40 ms after the last stall: still 20 of 100");
    assertEquals(1, r.firmware.failsafe().refusedRequests());
    r.run(15);
    r.firmware.requests().requestRearm();
    r.run(1);
    assertEquals(ArmState.ARMED, r.firmware.failsafe().state(), r.events.toString());
  }

  @Test
  void withoutTheMissRateRuleTheSameStallsNeverTrip() {
    SimRobot r = periodicStalls(0);
    r.run(200);
    assertEquals(ArmState.ARMED, r.firmware.failsafe().state(), r.events.toString());
  }

  @Test
  void aLostLinkTrips() {
    HeartbeatLinkHealth link = new HeartbeatLinkHealth(5 * MS);
    SimRobot r = new SimRobot(SimRobot.settings(3), link, "heartbeat", MS, now -> {
      if (now <= 50 * MS) {
        link.beat(now);
      }
    });
    r.run(1);
    assertEquals(ArmState.DISARMED, r.firmware.failsafe().state(), "no beat yet at the first servo tick");
    r.run(100);
    assertEquals(FailsafeReason.AUTO_ARM, r.events.get(0).reason);
    assertEquals(MS, r.events.get(0).timeNanos);
    assertTripped(r, FailsafeReason.LINK_LOST, "link", 56 * MS);
  }

  @Test
  void aLawFaultTripsInTheControllerTickBeforeTheServoTaskRuns() {
    SimRobot r = new SimRobot();
    r.run(15);
    r.lawFaults = FaultFlags.INPUT_OUT_OF_RANGE;
    r.run(10);                                   // controller at 20 ms
    assertTripped(r, FailsafeReason.CONTROLLER_FAULT, "law 'test'", 20 * MS);
    assertEquals(FaultFlags.INPUT_OUT_OF_RANGE, r.last().detailFlags);
  }

  @Test
  void aNonFiniteSensorValueNeverReachesTheLaw() {
    SimRobot r = new SimRobot();
    r.run(15);
    long steps = r.lawSteps;
    r.q[1] = Double.NaN;
    r.run(10);                                   // encoders read NaN at 16 ms, controller at 20 ms
    assertTripped(r, FailsafeReason.NON_FINITE, "encoder 'q1'", 20 * MS);
    assertEquals(steps, r.lawSteps, "the law was not stepped on NaN");
  }

  @Test
  void aNonFiniteCommandNeverReachesTheOutputs() {
    SimRobot r = new SimRobot();
    r.run(15);
    r.command = Double.POSITIVE_INFINITY;
    r.run(10);
    assertTripped(r, FailsafeReason.NON_FINITE, "law 'test'", 20 * MS);
    assertTrue(Double.isFinite(r.controls[0]));
  }

  @Test
  void failsafeStaysLatchedUntilReArmedAfterTheFaultCleared() {
    SimRobot r = new SimRobot();
    r.run(10);
    r.estop.press();
    r.run(5);
    r.estop.release();
    r.run(20);
    assertEquals(ArmState.FAILSAFE, r.firmware.failsafe().state(), "latched");
    assertArrayEquals(new double[] {0, 0}, r.controls);
    r.estop.press();
    r.firmware.requests().requestRearm();
    r.run(1);
    assertEquals(ArmState.FAILSAFE, r.firmware.failsafe().state(), "refused while pressed");
    assertEquals(1, r.firmware.failsafe().refusedRequests());
    r.estop.release();
    r.firmware.requests().requestRearm();
    r.run(1);
    assertEquals(ArmState.ARMED, r.firmware.failsafe().state());
    assertEquals(FailsafeReason.REARM_REQUEST, r.last().reason);
    assertArrayEquals(new double[] {0.5, 0.5}, r.controls);
  }

  @Test
  void shutdownDisarmsDrivesSafeAndTurnsTheLedOff() {
    SimRobot r = new SimRobot();
    r.run(10);
    r.firmware.shutdownOutputs();
    assertEquals(FailsafeReason.SHUTDOWN, r.last().reason);
    assertEquals(ArmState.DISARMED, r.firmware.failsafe().state());
    assertArrayEquals(new double[] {0, 0}, r.controls);
    assertEquals(LedPattern.OFF, r.led.pattern());
    assertTrue(r.firmware.data().servo.safeApplied);
    assertFalse(r.firmware.failsafe().state() == ArmState.ARMED);
  }
}
