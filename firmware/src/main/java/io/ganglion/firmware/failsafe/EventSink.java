package io.ganglion.firmware.failsafe;

/**
 * Receives every arming-state transition on the loop thread, synchronously, in the tick that
 * caused it. The seam the telemetry module publishes through (MQTT {@code robots/<id>/events});
 * firmware adapts it. Implementations must return quickly, never block, never throw and not
 * allocate: copy the event ({@link FailsafeEvent#copyFrom}) into a preallocated buffer and hand
 * it to another thread (see {@code io.ganglion.firmware.tap.LoggingEventSink}).
 */
@FunctionalInterface
public interface EventSink {

  /** Discards every event. */
  EventSink NONE = event -> {};

  /** Called with the failsafe's reused event; read or copy it before returning. */
  void onEvent(FailsafeEvent event);

  /** A sink that hands each event to {@code a}, then to {@code b}. */
  static EventSink both(EventSink a, EventSink b) {
    return event -> {
      a.onEvent(event);
      b.onEvent(event);
    };
  }
}
