package io.ganglion.firmware.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.testkit.AllocationMeter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class LoggingTelemetryTapTest {

  @Test
  void formatsAFrameOnOneLine() {
    TelemetryFrame f = new TelemetryFrame(2, 2);
    f.timeNanos = 1_500_000_000L;
    f.state = ArmState.ARMED;
    f.jointAngleRad[0] = 0.25;
    f.jointAngleRad[1] = -0.5;
    f.commands[0] = 1;
    f.imuPresent = true;
    f.gyroRadPerSec[2] = 0.125;
    assertEquals("telemetry t=1.500 s ARMED q=[0.250, -0.500] u=[1.000, 0.000] gyro_z=0.125",
        LoggingTelemetryTap.format(f, 0));
  }

  @Test
  void offerCopiesWithoutAllocatingAndCountsOverwrites() {
    try (LoggingTelemetryTap tap = new LoggingTelemetryTap(5, 5, new PrintStream(new ByteArrayOutputStream()), 60_000)) {
      TelemetryFrame f = new TelemetryFrame(5, 5);
      AllocationMeter.assertAllocationFree("LoggingTelemetryTap.offer", () -> {
        f.sequence++;
        tap.offer(f);
      });
      assertTrue(tap.overwritten() > 0);
    }
  }
}
