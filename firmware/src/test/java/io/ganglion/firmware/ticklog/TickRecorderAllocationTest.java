package io.ganglion.firmware.ticklog;

import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.drivers.gpio.EStopInputs;
import io.ganglion.drivers.servo.ServoInputs;
import io.ganglion.firmware.core.RobotIo;
import io.ganglion.firmware.runtime.LoopScheduler;
import io.ganglion.firmware.runtime.OverrunPolicy;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.sim.io.EStopIOSim;
import io.ganglion.sim.io.EncoderIOSim;
import io.ganglion.sim.io.ServoIOSim;
import io.ganglion.sim.io.StatusLedIOSim;
import io.ganglion.sim.swimmer.SwimmerConfig;
import io.ganglion.sim.swimmer.SwimmerJoints;
import io.ganglion.sim.swimmer.SwimmerModel;
import io.ganglion.sim.swimmer.SwimmerState;
import io.ganglion.testkit.AllocationMeter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickRecorderAllocationTest {

  @TempDir Path dir;

  @Test
  void recordingReadsWritesAndTaskRunsAllocatesNothing() {
    VirtualClock clock = new VirtualClock();
    SwimmerState state = new SwimmerState(new SwimmerModel(SwimmerConfig.dmControl(6)));
    SwimmerJoints joints = new SwimmerJoints(state);
    List<io.ganglion.drivers.encoder.EncoderIO> enc = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < 5; j++) {
      enc.add(new EncoderIOSim(joints, j, clock));
      names.add("j" + j);
    }
    RobotIo raw = new RobotIo(ServoIOSim.normalized(state.ctrl(), 0, clock), "pwm", enc, names, null, "",
        new EStopIOSim(clock), "estop", new StatusLedIOSim(), List.of());
    try (TickRecorder rec = TickRecorder.create(dir.resolve("alloc.glog"), clock)) {
      RobotIo io = rec.wrap(raw);
      rec.begin("{\"version\":1}", new LoopScheduler(clock, OverrunPolicy.SKIP));
      EncoderInputs e = new EncoderInputs();
      EStopInputs s = new EStopInputs();
      ServoInputs si = new ServoInputs(5);
      double[] commands = {0.1, 0.2, 0.3, 0.4, 0.5};
      AllocationMeter.assertAllocationFree("tick recording", () -> {
        rec.beforeRun(2, clock.nanoTime(), clock.nanoTime());
        for (int j = 0; j < 5; j++) {
          io.encoder(j).updateInputs(e);
        }
        io.estop().updateInputs(s);
        io.servo().apply(commands);
        io.servo().updateInputs(si);
        rec.applied(3, 0.5);
        clock.sleepUntil(clock.nanoTime() + 1_000_000);
      });
    }
  }
}
