package io.ganglion.firmware.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.ganglion.drivers.fake.FakePca9685;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.core.ActuatorLimits;
import io.ganglion.firmware.core.Firmware;
import io.ganglion.firmware.core.FirmwareSettings;
import io.ganglion.firmware.law.ControlLaws;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.firmware.tap.TelemetryFrame;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Virtual-time determinism of the whole firmware on a mock board (Pi4J drivers, chip fakes, the
 * coupled physics, seeded IMU noise): two runs give bit-identical telemetry, transitions and
 * final PWM registers.
 */
class MockFirmwareDeterminismTest {

  /** FNV-1a 64 over every telemetry frame's values (as raw bits) and every transition. */
  private static final class Hash {
    long h = 0xcbf29ce484222325L;

    void add(long v) {
      for (int i = 0; i < 8; i++) {
        h ^= (v >>> (8 * i)) & 0xFF;
        h *= 0x100000001b3L;
      }
    }

    void add(double v) {
      add(Double.doubleToRawLongBits(v));
    }
  }

  private static long run(String file, long seed) {
    BoardConfig config = BoardConfigLoader.load(Path.of("examples", file));
    VirtualClock clock = new VirtualClock();
    MockBoard mock = MockBoard.create(config, clock, seed);
    Hash hash = new Hash();
    Firmware fw = Firmware.builder(clock, mock.io(), ControlLaws.create(config.law()), FirmwareSettings.from(config))
        .limits(ActuatorLimits.of(config.joints()))
        .events(e -> {
          hash.add(e.timeNanos);
          hash.add(e.to.ordinal());
          hash.add(e.reason.ordinal());
        })
        .telemetry((TelemetryFrame f) -> {
          hash.add(f.timeNanos);
          hash.add(f.state.ordinal());
          for (double q : f.jointAngleRad) {
            hash.add(q);
          }
          for (double v : f.jointVelocityRadPerSec) {
            hash.add(v);
          }
          for (double u : f.commands) {
            hash.add(u);
          }
          for (double g : f.gyroRadPerSec) {
            hash.add(g);
          }
          for (double a : f.accelMps2) {
            hash.add(a);
          }
        })
        .task(mock.world().name(), mock.world().periodNanos(), 0, mock.world())
        .build();
    fw.run(3_000_000_000L);
    fw.shutdownOutputs();
    FakePca9685 pwm = mock.fakes().fake(config.pwm().name(), FakePca9685.class);
    for (int ch = 0; ch < 16; ch++) {
      hash.add(pwm.offCount(ch));
    }
    hash.add(fw.data().lawSteps);
    mock.io().close();
    return hash.h;
  }

  @Test
  void twoSwimmerRunsAreBitIdentical() {
    assertEquals(run("swimmer6.yaml", 1), run("swimmer6.yaml", 1));
  }

  @Test
  void twoDiffDriveRunsAreBitIdentical() {
    assertEquals(run("diffdrive.yaml", 1), run("diffdrive.yaml", 1));
  }

  @Test
  void theHashSeesTheImuNoiseSeed() {
    assertNotEquals(run("swimmer6.yaml", 1), run("swimmer6.yaml", 2));
  }
}
