package io.ganglion.controllers;

/**
 * Base of every law's output record: the fault bits of the last step. A non-zero value means the
 * step saw data it could not use; the firmware turns it into a failsafe trigger.
 */
public abstract class ControllerOutputs {

  /** Bit set of {@link FaultFlags} raised by the last {@code step}; 0 when all was well. */
  public int faultFlags;

  /** True when the last step raised any fault. */
  public final boolean faulted() {
    return faultFlags != 0;
  }
}
