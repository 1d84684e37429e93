package io.ganglion.firmware.failsafe;

/**
 * The firmware's arming state. Outputs follow the law only while {@link #ARMED}; in the other two
 * states every actuator holds its configured safe value.
 *
 * <pre>
 *   DISARMED --arm (no active fault)--------> ARMED
 *   ARMED    --any fault condition----------> FAILSAFE      (safe outputs in the same tick)
 *   ARMED    --disarm-----------------------> DISARMED
 *   FAILSAFE --disarm-----------------------> DISARMED
 *   FAILSAFE --rearm (faults cleared)-------> ARMED
 * </pre>
 */
public enum ArmState {
  /** Outputs safe; waiting to be armed. The status LED blinks slowly. */
  DISARMED,
  /** The control law drives the outputs. The status LED blinks fast. */
  ARMED,
  /** A fault tripped the failsafe: outputs safe, latched until disarm or re-arm. Double flash. */
  FAILSAFE
}
