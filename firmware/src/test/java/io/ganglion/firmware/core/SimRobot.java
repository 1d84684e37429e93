package io.ganglion.firmware.core;

import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.failsafe.FailsafeEvent;
import io.ganglion.firmware.failsafe.LinkHealth;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.law.LawInputs;
import io.ganglion.firmware.runtime.OverrunPolicy;
import io.ganglion.firmware.runtime.PeriodicTask;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.sim.io.EStopIOSim;
import io.ganglion.sim.io.EncoderIOSim;
import io.ganglion.sim.io.ImuIOSim;
import io.ganglion.sim.io.ServoIOSim;
import io.ganglion.sim.io.SimBody;
import io.ganglion.sim.io.SimJoints;
import io.ganglion.sim.io.StatusLedIOSim;
import java.util.ArrayList;
import java.util.List;

/**
 * A two-joint robot on sim-backed IO in virtual time, for the firmware's tests: joints and commands
 * are plain arrays; the law writes {@link #command} to every channel and returns {@link #lawFaults}.
 *
 * <pre>
 *   tasks: encoders 4 ms, imu 5 ms, controller 10 ms, servo 1 ms; failsafe: 3 misses, 3 reads, 20 ms,
 *   20 misses in 100 releases
 * </pre>
 */
final class SimRobot {

  static final long MS = 1_000_000L;

  final VirtualClock clock = new VirtualClock();
  final double[] q = new double[2];
  final double[] controls = new double[2];
  final EncoderIOSim[] encoders = new EncoderIOSim[2];
  final EStopIOSim estop = new EStopIOSim(clock);
  final StatusLedIOSim led = new StatusLedIOSim();
  final ImuIOSim imu;
  final List<FailsafeEvent> events = new ArrayList<>();
  volatile double command = 0.5;
  /** False: transitions are not copied into {@link #events} (the copy allocates). */
  boolean recordEvents = true;
  volatile int lawFaults;
  long lawSteps;
  final Firmware firmware;

  SimRobot(FirmwareSettings settings, LinkHealth link, String extraName, long extraPeriod, PeriodicTask extra) {
    SimJoints joints = new SimJoints() {
      @Override
      public int jointCount() {
        return 2;
      }

      @Override
      public double jointPositionRad(int joint) {
        return q[joint];
      }

      @Override
      public double jointVelocityRadPerSec(int joint) {
        return 0;
      }
    };
    SimBody body = new SimBody() {
      @Override
      public double yawRateRadPerSec() {
        return 0;
      }

      @Override
      public void specificForce(double[] dest) {
        dest[0] = 0;
        dest[1] = 0;
        dest[2] = 9.81;
      }
    };
    List<EncoderIO> list = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      encoders[i] = new EncoderIOSim(joints, i, clock);
      list.add(encoders[i]);
    }
    imu = new ImuIOSim(body, clock);
    RobotIo io = new RobotIo(ServoIOSim.normalized(controls, 0.0, clock), "pwm", list, List.of("q0", "q1"), imu, "imu",
        estop, "estop", led, List.of());
    ControlLaw law = new ControlLaw() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public int commandCount() {
        return 2;
      }

      @Override
      public void reset() {}

      @Override
      public int step(LawInputs in, double[] commands) {
        lawSteps++;
        commands[0] = command;
        commands[1] = command;
        return lawFaults;
      }
    };
    EventSink sink = e -> {
      if (!recordEvents) {
        return;
      }
      FailsafeEvent copy = new FailsafeEvent();
      copy.copyFrom(e);
      events.add(copy);
    };
    Firmware.Builder b = Firmware.builder(clock, io, law, settings).events(sink).link(link);
    if (extra != null) {
      b.task(extraName, extraPeriod, 0, extra);
    }
    firmware = b.build();
  }

  SimRobot() {
    this(settings(3), LinkHealth.ALWAYS_UP, null, 0, null);
  }

  static FirmwareSettings settings(int failureReads) {
    return settings(failureReads, 20);
  }

  /** With the miss-rate rule at {@code maxWindowMisses} of 100 releases (0: none). */
  static FirmwareSettings settings(int failureReads, int maxWindowMisses) {
    return new FirmwareSettings(MS, 4 * MS, 5 * MS, 10 * MS, 0, OverrunPolicy.SKIP, 3, failureReads, 20 * MS, true, 100,
        maxWindowMisses);
  }

  /** Runs {@code ms} milliseconds of loop time. */
  void run(long ms) {
    firmware.run(ms * MS);
  }

  FailsafeEvent last() {
    return events.get(events.size() - 1);
  }
}
