package io.ganglion.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.testkit.AllocationMeter;
import org.junit.jupiter.api.Test;

class EncoderIOSimTest {

  private static final class Joints implements SimJoints {
    double q;
    double qdot;

    @Override
    public int jointCount() {
      return 1;
    }

    @Override
    public double jointPositionRad(int joint) {
      return q;
    }

    @Override
    public double jointVelocityRadPerSec(int joint) {
      return qdot;
    }
  }

  @Test
  void readsTheJointExactlyAndWrapsLikeTheChipDriver() {
    Joints j = new Joints();
    EncoderIOSim enc = new EncoderIOSim(j, 0, () -> 5L);
    EncoderInputs in = new EncoderInputs();
    j.q = 0.123456789012345;
    j.qdot = -2.5;
    enc.updateInputs(in);
    assertEquals(j.q, in.angleRad, 0.0, "no quantisation inside [-pi, pi)");
    assertEquals(j.q, in.positionRad, 0.0);
    assertEquals(-2.5, in.velocityRadPerSec);
    assertTrue(in.valid);
    assertEquals(Math.round(j.q * 4096 / (2 * Math.PI)), in.rawCounts);
    assertEquals(5L, in.sampleTimestampNanos);
    j.q = 3 * Math.PI / 2;
    enc.updateInputs(in);
    assertEquals(-Math.PI / 2, in.angleRad, 1e-12);
    assertEquals(3 * Math.PI / 2, in.positionRad, 0.0, "position stays continuous");
  }

  @Test
  void anInjectedFaultHoldsTheValuesAndReportsIt() {
    Joints j = new Joints();
    j.q = 0.5;
    EncoderIOSim enc = new EncoderIOSim(j, 0, () -> 0L);
    EncoderInputs in = new EncoderInputs();
    enc.updateInputs(in);
    enc.setFault(DeviceFaults.BUS_ERROR);
    j.q = 0.7;
    enc.updateInputs(in);
    assertFalse(in.valid);
    assertFalse(in.connected);
    assertEquals(DeviceFaults.BUS_ERROR, in.faultFlags);
    assertEquals(0.5, in.angleRad);
    assertEquals(1, in.busErrorCount);
    enc.setFault(0);
    enc.updateInputs(in);
    assertTrue(in.valid);
    assertEquals(0.7, in.angleRad);
  }

  @Test
  void updateInputsAllocatesNothing() {
    Joints j = new Joints();
    EncoderIOSim enc = new EncoderIOSim(j, 0, () -> 0L);
    EncoderInputs in = new EncoderInputs();
    AllocationMeter.assertAllocationFree("EncoderIOSim", () -> {
      j.q += 0.01;
      enc.updateInputs(in);
    });
  }
}
