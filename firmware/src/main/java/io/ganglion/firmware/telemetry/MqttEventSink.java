package io.ganglion.firmware.telemetry;

import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.failsafe.FailsafeEvent;
import io.ganglion.firmware.failsafe.FailsafeReason;

/**
 * The failsafe's {@link EventSink} publishing each arming transition on {@code robots/<b>/events}:
 * kind {@code failsafe}, detail {@code "<from>-><to> <reason>"} (e.g. {@code armed->failsafe
 * link_lost}), value = the active condition bits; and, when a device or task raised it, a second
 * event kind {@code fault} whose detail is the source ({@code encoder 'j2'}). The detail texts are
 * built once at construction, so the loop allocates nothing.
 */
public final class MqttEventSink implements EventSink {

  private final io.ganglion.telemetry.protocol.EventSink out;
  private final String[][][] details;

  /** @param out the publisher (events may be offered from the loop thread) */
  public MqttEventSink(io.ganglion.telemetry.protocol.EventSink out) {
    this.out = out;
    ArmState[] states = ArmState.values();
    FailsafeReason[] reasons = FailsafeReason.values();
    details = new String[states.length][states.length][reasons.length];
    for (ArmState from : states) {
      for (ArmState to : states) {
        for (FailsafeReason r : reasons) {
          details[from.ordinal()][to.ordinal()][r.ordinal()] = key(from) + "->" + key(to) + " " + key(r);
        }
      }
    }
  }

  private static String key(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void onEvent(FailsafeEvent e) {
    long tUs = e.timeNanos / 1_000;
    out.offerEvent(tUs, "failsafe", details[e.from.ordinal()][e.to.ordinal()][e.reason.ordinal()], e.conditions);
    if (e.source != null && !e.source.isEmpty() && e.reason.isFault()) {
      out.offerEvent(tUs, "fault", e.source, e.detailFlags);
    }
  }
}
