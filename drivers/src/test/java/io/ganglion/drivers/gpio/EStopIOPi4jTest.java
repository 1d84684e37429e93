package io.ganglion.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.io.gpio.digital.PullResistance;
import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.SteadyState;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.FakeGpioPin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** E-stop debounce and fail-safe behaviour through a Pi4J digital input on the fake GPIO. */
class EStopIOPi4jTest {

  private FakeBoard board;
  private FakeGpioPin pin;
  private final EStopInputs in = new EStopInputs();

  @BeforeEach
  void setUp() {
    board = new FakeBoard();
    pin = board.pin(17);
  }

  @AfterEach
  void tearDown() {
    board.close();
  }

  private EStopIOPi4j open(int press, int release) {
    return new EStopIOPi4j(board.context(), new EStopConfig("stop", 17, true, Pull.UP, press, release));
  }

  private void sample(EStopIOPi4j io, int n) {
    for (int i = 0; i < n; i++) {
      io.updateInputs(in);
    }
  }

  @Test
  void startsPressedAndReleasesOnlyAfterEnoughInactiveSamples() {
    EStopIOPi4j io = open(3, 10);
    assertEquals(PullResistance.PULL_UP, pin.pull(), "the pull resistor reached the pin");
    pin.drive(false); // NC contact closed: released
    sample(io, 9);
    assertTrue(in.pressed);
    sample(io, 1);
    assertFalse(in.pressed);
    assertTrue(in.readable);
  }

  @Test
  void pressNeedsConsecutiveActiveSamplesSoBouncesAreIgnored() {
    EStopIOPi4j io = open(3, 5);
    pin.drive(false);
    sample(io, 5);
    assertFalse(in.pressed);
    // bounce: high, low, high, high, low
    for (boolean level : new boolean[] {true, false, true, true, false}) {
      pin.drive(level);
      io.updateInputs(in);
      assertFalse(in.pressed);
    }
    pin.drive(true);
    sample(io, 2);
    assertFalse(in.pressed);
    sample(io, 1);
    assertTrue(in.pressed);
    assertEquals(1, in.pressCount);
  }

  @Test
  void activeLowWiringIsHonoured() {
    EStopIOPi4j io = new EStopIOPi4j(board.context(), new EStopConfig("stop", 17, false, Pull.DOWN, 1, 1));
    pin.drive(true);
    io.updateInputs(in);
    assertFalse(in.pressed);
    pin.drive(false);
    io.updateInputs(in);
    assertTrue(in.pressed);
    assertTrue(in.rawActive);
  }

  @Test
  void cutWireReadsPressedThroughThePullUp() {
    EStopIOPi4j io = open(2, 2);
    pin.drive(false);
    sample(io, 2);
    assertFalse(in.pressed);
    pin.release();
    sample(io, 2);
    assertTrue(in.pressed);
  }

  @Test
  void unreadableInputIsPressedImmediatelyAndCounted() {
    EStopIOPi4j io = open(5, 5);
    pin.drive(false);
    sample(io, 5);
    assertFalse(in.pressed);
    pin.setReadFault(true);
    io.updateInputs(in);
    assertTrue(in.pressed, "no debounce on a read failure");
    assertFalse(in.readable);
    assertEquals(DeviceFaults.UNREADABLE, in.faultFlags);
    assertEquals(1, in.readErrorCount);
    pin.setReadFault(false);
    pin.setReportUnknown(true);
    io.updateInputs(in);
    assertTrue(in.pressed);
    assertEquals(2, in.readErrorCount);
    pin.setReportUnknown(false);
    sample(io, 4);
    assertTrue(in.pressed, "release count restarted after the failure");
    sample(io, 1);
    assertFalse(in.pressed);
    assertEquals(0, in.faultFlags);
  }

  @Test
  void samePinTwiceIsRefusedWithAClearMessage() {
    open(1, 1);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> open(1, 1));
    assertTrue(e.getMessage().contains("BCM 17"), e.getMessage());
  }

  @Test
  void badConfigIsRefused() {
    assertThrows(InvalidInputException.class, () -> new EStopConfig("stop", 28, true, Pull.UP, 1, 1));
    assertThrows(InvalidInputException.class, () -> new EStopConfig("stop", 4, true, Pull.UP, 0, 1));
    assertThrows(InvalidInputException.class, () -> new EStopConfig("stop", 4, true, null, 1, 1));
  }

  @Test
  void updateInputsAllocatesNothing() {
    EStopIOPi4j io = open(2, 3);
    int[] k = {0};
    SteadyState.assertAllocationFree("e-stop updateInputs", () -> {
      pin.drive((k[0]++ / 7) % 2 == 0);
      io.updateInputs(in);
    });
  }
}
