package io.ganglion.drivers.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.fake.FakeAs5600;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.ManualNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** AS5600 angle conversion, zero, direction, unwrapping and velocity, through the fake chip. */
class EncoderIOPi4jTest {

  private static final double COUNT = 2 * Math.PI / 4096;
  private final ManualNanoClock clock = new ManualNanoClock(0);
  private FakeBoard board;
  private FakeAs5600 chip;
  private final EncoderInputs in = new EncoderInputs();

  @BeforeEach
  void setUp() {
    board = new FakeBoard(clock);
    chip = board.addAs5600(1);
  }

  @AfterEach
  void tearDown() {
    board.close();
  }

  private EncoderIOPi4j open(double zero, int direction) {
    return new EncoderIOPi4j(board.context(), As5600Config.direct("knee", 1, zero, direction), clock);
  }

  @Test
  void rawTwelveBitAngleConvertsToRadians() {
    EncoderIOPi4j io = open(0, 1);
    chip.setRawAngle(1024);
    io.updateInputs(in);
    assertTrue(in.valid && in.connected);
    assertEquals(1024, in.rawCounts);
    assertEquals(Math.PI / 2, in.angleRad, 1e-12);
    chip.setRawAngle(3072);
    io.updateInputs(in);
    assertEquals(-Math.PI / 2, in.angleRad, 1e-12, "wrapped into [-pi, pi)");
    chip.setRawAngle(4095);
    io.updateInputs(in);
    assertEquals(-COUNT, in.angleRad, 1e-12);
  }

  @Test
  void zeroOffsetAndReversedDirectionAreApplied() {
    EncoderIOPi4j io = open(1.0, -1);
    chip.setAngleRad(1.0);
    io.updateInputs(in);
    assertEquals(0.0, in.angleRad, COUNT);
    chip.setAngleRad(1.3);
    io.updateInputs(in);
    assertEquals(-0.3, in.angleRad, COUNT);
    chip.setAngleRad(0.5);
    io.updateInputs(in);
    assertEquals(0.5, in.angleRad, COUNT);
  }

  @Test
  void positionUnwrapsAcrossTurnsAndVelocityUsesTheClock() {
    EncoderIOPi4j io = open(0, 1);
    double step = 0.9; // rad per tick, below pi so the direction is unambiguous
    double truth = 0;
    chip.setAngleRad(truth);
    io.updateInputs(in);
    for (int k = 1; k <= 20; k++) {
      clock.advance(1_000_000L);
      truth += step;
      chip.setAngleRad(truth);
      io.updateInputs(in);
    }
    assertEquals(truth, in.positionRad, COUNT, "18 rad is almost three turns");
    assertEquals(step / 1e-3, in.velocityRadPerSec, COUNT / 1e-3);
    assertEquals(As5600Registers.wrapPi(truth), in.angleRad, COUNT);
    assertEquals(20_000_000L, in.sampleTimestampNanos);
  }

  @Test
  void noMagnetHoldsTheAngleAndMarksTheReadingInvalid() {
    EncoderIOPi4j io = open(0, 1);
    chip.setAngleRad(0.7);
    io.updateInputs(in);
    chip.setMagnet(false, false, false);
    chip.setAngleRad(2.0);
    io.updateInputs(in);
    assertTrue(in.connected);
    assertFalse(in.valid);
    assertFalse(in.magnetDetected);
    assertEquals(DeviceFaults.MAGNET_NOT_DETECTED, in.faultFlags);
    assertEquals(0.7, in.angleRad, COUNT);
    assertEquals(1, in.magnetFaultCount);
    chip.setMagnet(true, false, false);
    io.updateInputs(in);
    assertTrue(in.valid);
    assertEquals(2.0, in.angleRad, COUNT);
    assertEquals(0.0, in.velocityRadPerSec, "no velocity across a gap");
  }

  @Test
  void weakMagnetStillReadsButIsFlagged() {
    EncoderIOPi4j io = open(0, 1);
    chip.setMagnet(true, true, false);
    chip.setAngleRad(0.4);
    io.updateInputs(in);
    assertTrue(in.valid);
    assertTrue(in.magnetTooWeak);
    assertEquals(DeviceFaults.MAGNET_OUT_OF_RANGE, in.faultFlags);
    assertEquals(0.4, in.angleRad, COUNT);
  }

  @Test
  void busErrorSetsTheFlagAndTheNextGoodReadRecovers() {
    EncoderIOPi4j io = open(0, 1);
    chip.setAngleRad(0.1);
    io.updateInputs(in);
    chip.setBusError(true);
    io.updateInputs(in);
    assertFalse(in.connected);
    assertFalse(in.valid);
    assertEquals(DeviceFaults.BUS_ERROR, in.faultFlags);
    assertEquals(1, in.busErrorCount);
    assertEquals(0.1, in.angleRad, COUNT, "last good angle held");
    chip.setBusError(false);
    chip.setAngleRad(0.2);
    io.updateInputs(in);
    assertTrue(in.valid);
    assertEquals(0, in.faultFlags);
    assertEquals(0.2, in.angleRad, COUNT);
  }

  @Test
  void missingChipIsNotConnectedAndDoesNotThrow() {
    chip.setPresent(false);
    EncoderIOPi4j io = open(0, 1);
    for (int i = 0; i < 3; i++) {
      io.updateInputs(in);
    }
    assertFalse(in.connected);
    assertEquals(3, in.busErrorCount);
  }

  @Test
  void garbageOnTheBusIsRejectedByThePlausibilityCheck() {
    EncoderIOPi4j io = open(0, 1);
    chip.setAngleRad(1.0);
    io.updateInputs(in);
    chip.injectGarbage(42);
    int accepted = 0;
    for (int i = 0; i < 200; i++) {
      io.updateInputs(in);
      if (in.valid) {
        accepted++;
      }
    }
    // a random frame passes with probability (1/4)(1/8)(1/16) * P(MD) ~ 1/1024
    assertTrue(accepted <= 2, "accepted " + accepted + " garbage frames");
    assertTrue(in.invalidFrameCount >= 195);
    chip.clearGarbage();
    io.updateInputs(in);
    assertTrue(in.valid);
    assertEquals(1.0, in.angleRad, COUNT);
  }
}
