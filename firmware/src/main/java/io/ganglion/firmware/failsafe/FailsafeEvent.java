package io.ganglion.firmware.failsafe;

import io.ganglion.drivers.DeviceFaults;

/**
 * One arming-state transition. The {@link Failsafe} owns one instance and refills it for every
 * transition before handing it to its {@link EventSink}, so the tick path allocates nothing;
 * sinks that keep an event copy it ({@link #copyFrom}).
 */
public final class FailsafeEvent {

  /** 1 for the first transition of a run, then +1 each. */
  public long sequence;
  /** When it happened, on the loop clock. */
  public long timeNanos;
  /** The state before. */
  public ArmState from;
  /** The state after. */
  public ArmState to;
  /** The request or the fault that caused it. */
  public FailsafeReason reason;
  /** Every active fault condition at that moment ({@link FailsafeReason#bit()} set). */
  public int conditions;
  /** What raised the fault: a device or task name ("encoder 'enc2'", "task 'servo'"), or "". */
  public String source = "";
  /** The device's {@link DeviceFaults} bits (or the law's fault flags for CONTROLLER_FAULT), 0 if none. */
  public int detailFlags;

  /** Copies every field of {@code other} into this event. */
  public void copyFrom(FailsafeEvent other) {
    sequence = other.sequence;
    timeNanos = other.timeNanos;
    from = other.from;
    to = other.to;
    reason = other.reason;
    conditions = other.conditions;
    source = other.source;
    detailFlags = other.detailFlags;
  }

  /** One log line; allocates (not for the tick path). */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append('#').append(sequence).append(' ').append(from).append(" -> ").append(to).append(": ").append(reason);
    if (!source.isEmpty()) {
      b.append(" (").append(source);
      if (detailFlags != 0) {
        b.append(": ").append(reason == FailsafeReason.CONTROLLER_FAULT
            ? io.ganglion.controllers.FaultFlags.describe(detailFlags) : DeviceFaults.describe(detailFlags));
      }
      b.append(')');
    }
    if (conditions != 0) {
      b.append("; active: ").append(FailsafeReason.describe(conditions));
    }
    return b.toString();
  }
}
