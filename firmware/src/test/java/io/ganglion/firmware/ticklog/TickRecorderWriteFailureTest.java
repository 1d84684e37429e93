package io.ganglion.firmware.ticklog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.drivers.servo.ServoInputs;
import io.ganglion.firmware.core.RobotIo;
import io.ganglion.firmware.runtime.LoopScheduler;
import io.ganglion.firmware.runtime.OverrunPolicy;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.sim.io.EStopIOSim;
import io.ganglion.sim.io.EncoderIOSim;
import io.ganglion.sim.io.ServoIOSim;
import io.ganglion.firmware.testing.StillJoints;
import io.ganglion.sim.io.SimJoints;
import io.ganglion.sim.io.StatusLedIOSim;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tick log that cannot be written (disk full: /dev/full) never breaks the loop: the recording
 * stops and says why, and every read and write still reaches the wrapped IO, so the outputs can
 * be driven safe. Before, the write error was thrown out of {@code applySafe} before the safe values
 * were written.
 */
class TickRecorderWriteFailureTest {

  private static final Path FULL = Path.of("/dev/full");

  @Test
  void aFailingTickLogStopsRecordingButNeverTheOutputs() {
    assumeTrue(Files.isWritable(FULL), "needs Linux /dev/full");
    VirtualClock clock = new VirtualClock();
    double[] controls = new double[2];
    SimJoints joints = new StillJoints(2);
    List<EncoderIO> enc = List.of(new EncoderIOSim(joints, 0, clock), new EncoderIOSim(joints, 1, clock));
    RobotIo raw = new RobotIo(ServoIOSim.normalized(controls, 0, clock), "pwm", enc, List.of("a", "b"), null, "",
        new EStopIOSim(clock), "estop", new StatusLedIOSim(), List.of());
    TickRecorder rec = TickRecorder.create(FULL, clock);
    RobotIo io = rec.wrap(raw);
    rec.begin("{\"version\":1}", new LoopScheduler(clock, OverrunPolicy.SKIP));
    double[] commands = {0.5, -0.5};
    ServoInputs in = new ServoInputs(2);
    // ~60 B per record: well past the 1 MiB buffer, whose flush fails on /dev/full
    assertDoesNotThrow(() -> {
      for (int i = 0; i < 40_000; i++) {
        io.servo().apply(commands);
        io.servo().updateInputs(in);
      }
    }, "a periodic path must not throw");
    assertArrayEquals(commands, controls, 0.0, "the writes still reach the outputs");
    assertDoesNotThrow(() -> io.servo().applySafe());
    assertArrayEquals(new double[] {0, 0}, controls, 0.0, "the safe values reach the outputs");
    assertNotNull(rec.failure(), "the recording says why it stopped");
    assertTrue(rec.failure().contains("/dev/full"), rec.failure());
    long records = rec.records();
    io.servo().apply(commands);
    assertTrue(rec.records() == records, "nothing more is recorded");
    assertDoesNotThrow(rec::close, "closing a failed recording does not throw either");
  }

  @Test
  void aHealthyRecordingHasNoFailure() throws Exception {
    Path file = Files.createTempFile("tick", ".glog");
    try (TickRecorder rec = TickRecorder.create(file, new VirtualClock())) {
      assertNull(rec.failure());
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
