package io.ganglion.firmware.tap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.failsafe.FailsafeEvent;
import io.ganglion.firmware.failsafe.FailsafeReason;
import io.ganglion.testkit.AllocationMeter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LoggingEventSinkTest {

  @Test
  void printsOneLinePerTransitionWithTimeReasonAndSource() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (LoggingEventSink sink = new LoggingEventSink(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x: ", false)) {
      sink.setOriginNanos(1_000_000_000L);
      FailsafeEvent e = new FailsafeEvent();
      e.sequence = 2;
      e.timeNanos = 3_500_000_000L;
      e.from = ArmState.ARMED;
      e.to = ArmState.FAILSAFE;
      e.reason = FailsafeReason.SENSOR_FAILURE;
      e.source = "encoder 'j2'";
      e.detailFlags = 1;
      e.conditions = FailsafeReason.SENSOR_FAILURE.bit() | FailsafeReason.STALE_INPUT.bit();
      sink.onEvent(e);
      sink.flush();
      assertEquals(1, sink.history().size());
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals("x: t=2.500 s #2 ARMED -> FAILSAFE: SENSOR_FAILURE (encoder 'j2': BUS_ERROR);"
        + " active: SENSOR_FAILURE|STALE_INPUT", out.strip());
  }

  @Test
  void theLoopSideOfTheSinkAllocatesNothing() {
    try (LoggingEventSink sink = new LoggingEventSink(new PrintStream(new ByteArrayOutputStream()), "", true)) {
      FailsafeEvent e = new FailsafeEvent();
      e.from = ArmState.DISARMED;
      e.to = ArmState.ARMED;
      e.reason = FailsafeReason.AUTO_ARM;
      // whether the printer keeps up or the ring is full (dropped, counted), the loop side never allocates
      AllocationMeter.assertAllocationFree("LoggingEventSink.onEvent", () -> sink.onEvent(e));
    }
  }
}
