package io.ganglion.firmware.failsafe;

/**
 * Why a transition happened: an operator request, or a fault condition. Fault conditions are also
 * bits ({@link #bit()}) of the failsafe's active-condition set.
 */
public enum FailsafeReason {
  /** Armed automatically at start after the first healthy tick (board config {@code failsafe.auto_arm}). */
  AUTO_ARM(0),
  /** An explicit arm request. */
  ARM_REQUEST(0),
  /** An explicit disarm request. */
  DISARM_REQUEST(0),
  /** An explicit re-arm request after a failsafe whose faults have cleared. */
  REARM_REQUEST(0),
  /** The firmware is shutting down (Ctrl-C, SIGTERM, end of --duration). */
  SHUTDOWN(0),
  /**
   * A task missed N deadlines in a row ({@code failsafe.max_consecutive_misses}), or M of its latest W
   * releases ({@code failsafe.max_window_misses}, {@code failsafe.miss_window}).
   */
  DEADLINE_MISS(1),
  /** A device failed N reads in a row ({@code failsafe.sensor_failure_reads}), or the PWM chip's bus failed. */
  SENSOR_FAILURE(1 << 1),
  /** A sensor's last valid sample is older than {@code failsafe.max_input_age_ms}. */
  STALE_INPUT(1 << 2),
  /** The e-stop input is pressed (or unreadable). */
  ESTOP(1 << 3),
  /** The hardware-in-the-loop link reports no heartbeat within its timeout. */
  LINK_LOST(1 << 4),
  /** The control law raised a fault flag ({@code ControllerOutputs.faultFlags}). */
  CONTROLLER_FAULT(1 << 5),
  /** A sensor value (before conversion to fixed point) or an actuator command was NaN or infinite. */
  NON_FINITE(1 << 6);

  private static final FailsafeReason[] BY_BIT;

  private static final int FAULT_COUNT;

  static {
    BY_BIT = new FailsafeReason[32];
    int highest = -1;
    for (FailsafeReason r : values()) {
      if (r.bit != 0) {
        int index = Integer.numberOfTrailingZeros(r.bit);
        if (Integer.bitCount(r.bit) != 1 || BY_BIT[index] != null) {
          throw new ExceptionInInitializerError("fault bits must be distinct single bits: " + r);
        }
        BY_BIT[index] = r;
        highest = Math.max(highest, index);
      }
    }
    FAULT_COUNT = highest + 1;
  }

  private final int bit;

  FailsafeReason(int bit) {
    this.bit = bit;
  }

  /** True for fault conditions, false for requests. */
  public boolean isFault() {
    return bit != 0;
  }

  /** The condition bit of a fault (0 for requests). */
  public int bit() {
    return bit;
  }

  /** The fault of the lowest bit set in {@code bits}, or null when none; allocation-free. */
  public static FailsafeReason lowestFault(int bits) {
    if (bits == 0) {
      return null;
    }
    return BY_BIT[Integer.numberOfTrailingZeros(bits)];
  }

  /** "ESTOP|STALE_INPUT" for a condition set, "none" when empty. Allocates: for logs and reports. */
  public static String describe(int bits) {
    if (bits == 0) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < FAULT_COUNT; i++) {
      FailsafeReason r = BY_BIT[i];
      if (r != null && (bits & r.bit) != 0) {
        if (b.length() > 0) {
          b.append('|');
        }
        b.append(r.name());
      }
    }
    return b.toString();
  }
}
