package io.ganglion.firmware.failsafe;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Arm/disarm/re-arm requests from other threads (a command from telemetry, the CLI), collected
 * lock-free and applied by the loop at its next safety tick ({@link Failsafe#applyRequests}). A
 * pending disarm wins over any arm or re-arm pending with it.
 */
public final class FailsafeRequests {

  static final int ARM = 1;
  static final int DISARM = 1 << 1;
  static final int REARM = 1 << 2;

  private final AtomicInteger pending = new AtomicInteger();

  /** Requests DISARMED -> ARMED (refused while a fault is active). */
  public void requestArm() {
    pending.getAndUpdate(p -> p | ARM);
  }

  /** Requests ARMED or FAILSAFE -> DISARMED. */
  public void requestDisarm() {
    pending.getAndUpdate(p -> p | DISARM);
  }

  /** Requests FAILSAFE -> ARMED (refused while a fault is still active). */
  public void requestRearm() {
    pending.getAndUpdate(p -> p | REARM);
  }

  /** Takes every pending request (bits of ARM, DISARM, REARM). */
  int take() {
    return pending.getAndSet(0);
  }
}
