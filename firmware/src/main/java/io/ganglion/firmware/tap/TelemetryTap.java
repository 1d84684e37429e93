package io.ganglion.firmware.tap;

/**
 * Where the loop's telemetry goes: called on the loop thread by the telemetry task with the
 * firmware's reused {@link TelemetryFrame}. The seam the telemetry module's MQTT publisher plugs
 * into (firmware adapts it; telemetry does not depend on firmware). Implementations copy the frame
 * into a preallocated buffer and return at once: never block on the network, never throw, never
 * allocate; count what they drop.
 */
@FunctionalInterface
public interface TelemetryTap {

  /** Discards every frame. */
  TelemetryTap NONE = frame -> {};

  /** Takes the frame (copy it before returning). */
  void offer(TelemetryFrame frame);
}
