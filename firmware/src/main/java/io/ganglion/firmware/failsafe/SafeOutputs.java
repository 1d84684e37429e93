package io.ganglion.firmware.failsafe;

/**
 * What the failsafe does, synchronously on the loop thread, when the state changes: drive every
 * actuator to its safe value when leaving {@link ArmState#ARMED} (same tick), and show the new
 * state on the status LED. Implemented by the firmware over {@code ServoIO.applySafe()} and
 * {@code StatusLedIO.setPattern}. Must not throw or allocate.
 */
@FunctionalInterface
public interface SafeOutputs {

  /** Called after every transition with the new state. */
  void enter(ArmState state);
}
