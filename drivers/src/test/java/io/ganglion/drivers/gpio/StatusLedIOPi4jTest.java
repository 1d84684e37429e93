package io.ganglion.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.SteadyState;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.FakeGpioPin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status LED follows its pattern from the loop's time, writing the pin only on change. */
class StatusLedIOPi4jTest {

  private static final long MS = 1_000_000L;
  private FakeBoard board;
  private FakeGpioPin pin;
  private final StatusLedInputs in = new StatusLedInputs();

  @BeforeEach
  void setUp() {
    board = new FakeBoard();
    pin = board.pin(27);
  }

  @AfterEach
  void tearDown() {
    board.close();
  }

  @Test
  void slowBlinkTogglesEveryHalfSecondOfLoopTime() {
    StatusLedIOPi4j led = new StatusLedIOPi4j(board.context(), new StatusLedConfig("status", 27, true));
    assertFalse(pin.outputHigh(), "initially off");
    led.setPattern(LedPattern.SLOW_BLINK);
    long t0 = 7_000 * MS;
    int changes = 0;
    boolean last = false;
    for (long t = t0; t < t0 + 2_000 * MS; t += MS) {
      led.apply(t);
      if (pin.outputHigh() != last) {
        changes++;
        last = pin.outputHigh();
      }
      long phase = (t - t0) % (1_000 * MS);
      assertEquals(phase < 500 * MS, pin.outputHigh(), "at " + (t - t0) / MS + " ms");
    }
    assertEquals(4, changes);
    led.updateInputs(in);
    assertEquals(4, in.writeCount, "one write per change, none in between");
  }

  @Test
  void doubleFlashHasTwoPulsesPerSecond() {
    StatusLedIOPi4j led = new StatusLedIOPi4j(board.context(), new StatusLedConfig("status", 27, true));
    led.setPattern(LedPattern.DOUBLE_FLASH);
    long before = pin.outputTransitions();
    for (long t = 0; t < 1_000 * MS; t += MS) {
      led.apply(t);
    }
    assertEquals(4, pin.outputTransitions() - before);
  }

  @Test
  void activeLowLedDrivesThePinLowToLight() {
    StatusLedIOPi4j led = new StatusLedIOPi4j(board.context(), new StatusLedConfig("status", 27, false));
    assertTrue(pin.outputHigh(), "off = high for an active-low LED");
    led.setPattern(LedPattern.ON);
    led.apply(0);
    assertFalse(pin.outputHigh());
    led.updateInputs(in);
    assertTrue(in.on);
  }

  @Test
  void failedWriteIsReportedAndRetriedOnTheNextTick() {
    StatusLedIOPi4j led = new StatusLedIOPi4j(board.context(), new StatusLedConfig("status", 27, true));
    led.setPattern(LedPattern.ON);
    pin.setWriteFault(true);
    led.apply(0);
    led.updateInputs(in);
    assertFalse(in.connected);
    assertEquals(DeviceFaults.BUS_ERROR, in.faultFlags);
    assertEquals(1, in.writeErrorCount);
    assertFalse(pin.outputHigh());
    pin.setWriteFault(false);
    led.apply(MS);
    led.updateInputs(in);
    assertTrue(pin.outputHigh());
    assertTrue(in.connected && in.on);
  }

  @Test
  void contextShutdownTurnsTheLedOff() {
    StatusLedIOPi4j led = new StatusLedIOPi4j(board.context(), new StatusLedConfig("status", 27, true));
    led.setPattern(LedPattern.ON);
    led.apply(0);
    assertTrue(pin.outputHigh());
    board.close();
    assertFalse(pin.outputHigh());
  }

  @Test
  void steadyPatternAllocatesNothing() {
    StatusLedIOPi4j led = new StatusLedIOPi4j(board.context(), new StatusLedConfig("status", 27, true));
    led.setPattern(LedPattern.ON);
    long[] t = {0};
    SteadyState.assertAllocationFree("status LED apply (steady pattern)", () -> {
      t[0] += MS;
      led.apply(t[0]);
      led.updateInputs(in);
    });
  }

  @Test
  void blinkingAllocatesOnlyPi4jsStateChangeEventPerChange() {
    StatusLedIOPi4j led = new StatusLedIOPi4j(board.context(), new StatusLedConfig("status", 27, true));
    led.setPattern(LedPattern.FAST_BLINK);
    long[] t = {0};
    io.ganglion.testkit.AllocationMeter.Block tick = () -> {
      t[0] += MS;
      led.apply(t[0]);
    };
    io.ganglion.testkit.AllocationMeter.bytesAllocatedBy(200_000, tick);
    long before = pin.outputTransitions();
    long bytes = io.ganglion.testkit.AllocationMeter.bytesAllocatedBy(20_000, tick);
    long changes = pin.outputTransitions() - before;
    assertEquals(200, changes, "20 s of 5 Hz blinking");
    // Pi4J 2.8.0's DigitalOutputBase.state() allocates a DigitalStateChangeEvent and dispatches
    // it on every change (72 B per change measured on JDK 17); the driver itself adds nothing
    assertTrue(bytes > 0 && bytes <= 128 * changes, bytes + " bytes for " + changes + " changes");
    System.out.println("status LED blinking: " + bytes + " bytes over " + changes + " state changes");
  }

  @Test
  void patternsAreOnInTheirWindows() {
    assertTrue(LedPattern.FAST_BLINK.isOn(50 * MS));
    assertFalse(LedPattern.FAST_BLINK.isOn(150 * MS));
    assertTrue(LedPattern.FAST_BLINK.isOn(250 * MS));
    assertFalse(LedPattern.OFF.isOn(0));
    assertTrue(LedPattern.ON.isOn(123 * MS));
    assertTrue(LedPattern.DOUBLE_FLASH.isOn(250 * MS));
    assertFalse(LedPattern.DOUBLE_FLASH.isOn(150 * MS));
    assertFalse(LedPattern.DOUBLE_FLASH.isOn(500 * MS));
  }
}
