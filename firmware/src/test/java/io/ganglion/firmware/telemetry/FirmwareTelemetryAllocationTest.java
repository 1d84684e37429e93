package io.ganglion.firmware.telemetry;

import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.failsafe.FailsafeEvent;
import io.ganglion.firmware.failsafe.FailsafeReason;
import io.ganglion.firmware.failsafe.FailsafeRequests;
import io.ganglion.firmware.law.NcapLaw;
import io.ganglion.firmware.tap.TelemetryFrame;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import io.ganglion.testkit.AllocationMeter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop side of the firmware's MQTT wiring allocates nothing: frames, failsafe events, the command task. */
class FirmwareTelemetryAllocationTest {

  @Test
  void framesEventsAndTheCommandTaskAllocateNothing() {
    // not started: the ring fills and then drops, both paths are measured
    TelemetryPublisher p = new TelemetryPublisher(MqttSettings.of("tcp://127.0.0.1:1", "alloc"),
        new BoardIdentity("alloc", "0", "0", "ncap"), FrameStreams.of(5, 5, true), PublisherConfig.defaults());
    try {
      MqttTelemetryTap tap = new MqttTelemetryTap(p);
      MqttEventSink events = new MqttEventSink(p);
      LoopCommands commands = new LoopCommands(new FailsafeRequests(),
          new NcapLaw(io.ganglion.controllers.ncap.NcapConfig.defaults(5)));
      TelemetryFrame frame = new TelemetryFrame(5, 5);
      frame.imuPresent = true;
      FailsafeEvent e = new FailsafeEvent();
      e.from = ArmState.ARMED;
      e.to = ArmState.FAILSAFE;
      e.reason = FailsafeReason.SENSOR_FAILURE;
      e.source = "encoder 'j2'";
      AllocationMeter.assertAllocationFree("firmware telemetry loop side", () -> {
        frame.timeNanos += 1_000_000;
        tap.offer(frame);
        events.onEvent(e);
        commands.run(frame.timeNanos);
      });
    } finally {
      p.close();
    }
  }
}
