package io.ganglion.firmware.failsafe;

/**
 * Whether an external link the firmware depends on is alive: the hardware-in-the-loop session
 * (sensors arrive from a remote simulator, actuator commands go back). While it reports down, the
 * failsafe holds {@link FailsafeReason#LINK_LOST}. Polled on the loop thread every safety tick;
 * must not block or allocate.
 */
@FunctionalInterface
public interface LinkHealth {

  /** No link to watch: always up (a board running on its own sensors). */
  LinkHealth ALWAYS_UP = nowNanos -> true;

  /** True while the link is healthy at loop time {@code nowNanos}. */
  boolean linkUp(long nowNanos);
}
