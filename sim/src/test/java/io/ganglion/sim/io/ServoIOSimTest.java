package io.ganglion.sim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.servo.ServoChannelConfig;
import io.ganglion.drivers.servo.ServoInputs;
import io.ganglion.testkit.AllocationMeter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServoIOSimTest {

  @Test
  void commandsAreClampedToTheLimitsAndWrittenToTheControls() {
    double[] controls = new double[2];
    ServoIOSim io = new ServoIOSim(controls, new double[] {-0.5, -1}, new double[] {0.5, 1}, new double[] {0, 0.25},
        () -> 7L);
    io.apply(new double[] {0.9, -0.3});
    assertArrayEquals(new double[] {0.5, -0.3}, controls);
    ServoInputs in = new ServoInputs(2);
    io.updateInputs(in);
    assertTrue(in.limited[0]);
    assertFalse(in.limited[1]);
    assertEquals(0, in.faultFlags);
    assertEquals(7L, in.timestampNanos);
    assertFalse(in.safeApplied);
  }

  @Test
  void aNonFiniteCommandWritesTheSafeValueAndFlagsIt() {
    double[] controls = new double[2];
    ServoIOSim io = new ServoIOSim(controls, new double[] {-1, -1}, new double[] {1, 1}, new double[] {0, 0.25}, () -> 0L);
    io.apply(new double[] {0.4, Double.NaN});
    assertArrayEquals(new double[] {0.4, 0.25}, controls);
    ServoInputs in = new ServoInputs(2);
    io.updateInputs(in);
    assertEquals(DeviceFaults.INVALID_COMMAND, in.faultFlags);
    io.apply(new double[] {0.4});
    assertArrayEquals(new double[] {0, 0.25}, controls, "wrong length: all safe");
  }

  @Test
  void applySafeAndDisableAll() {
    double[] controls = {0.7, 0.7};
    ServoIOSim io = ServoIOSim.normalized(controls, 0.1, () -> 0L);
    io.applySafe();
    assertArrayEquals(new double[] {0.1, 0.1}, controls);
    ServoInputs in = new ServoInputs(2);
    io.updateInputs(in);
    assertTrue(in.safeApplied);
    io.disableAll();
    assertArrayEquals(new double[] {0, 0}, controls);
    io.updateInputs(in);
    assertTrue(in.disabled);
  }

  @Test
  void channelConfigsGiveLimitsSafeValuesAndPulseWidths() {
    double[] controls = new double[1];
    ServoIOSim io = ServoIOSim.fromChannels(controls,
        List.of(new ServoChannelConfig("j", 0, 1000, 2000, -1, -1, 1, -0.8, 0.8, 0.5)), () -> 0L);
    io.apply(new double[] {1.0});
    assertEquals(0.8, controls[0]);
    ServoInputs in = new ServoInputs(1);
    io.updateInputs(in);
    assertEquals(1100.0, in.pulseWidthUs[0], 1e-9, "direction -1: +0.8 maps near the low end");
    io.applySafe();
    assertEquals(0.5, controls[0]);
  }

  @Test
  void aSafeValueOutsideTheLimitsIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> new ServoIOSim(new double[1], new double[] {-1}, new double[] {0}, new double[] {0.5}, () -> 0L));
  }

  @Test
  void applyAndUpdateAllocateNothing() {
    double[] controls = new double[5];
    ServoIOSim io = ServoIOSim.normalized(controls, 0, () -> 0L);
    double[] cmd = {0.1, -0.2, 0.3, 2, Double.NaN};
    ServoInputs in = new ServoInputs(5);
    AllocationMeter.assertAllocationFree("ServoIOSim", () -> {
      io.apply(cmd);
      io.updateInputs(in);
    });
  }
}
