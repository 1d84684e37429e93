package io.ganglion.firmware.failsafe;

/**
 * Why a transition happened: an operator request, or a fault condition. Fault conditions are also
 * bits ({@link #bit()}) of the failsafe's active-condition set.
 */
public enum FailsafeReason {
  /** Armed automatically at start after the first healthy tick (board config {@code failsafe.auto_arm}). */
  AUTO_ARM(false),
  /** An explicit arm request. */
  ARM_REQUEST(false),
  /** An explicit disarm request. */
  DISARM_REQUEST(false),
  /** An explicit re-arm request after a failsafe whose faults have cleared. */
  REARM_REQUEST(false),
  /** The firmware is shutting down (Ctrl-C, SIGTERM, end of --duration). */
  SHUTDOWN(false),
  /** A task missed N deadlines in a row ({@code failsafe.max_consecutive_misses}). */
  DEADLINE_MISS(true),
  /** A device failed N reads in a row ({@code failsafe.sensor_failure_reads}), or the PWM chip's bus failed. */
  SENSOR_FAILURE(true),
  /** A sensor's last valid sample is older than {@code failsafe.max_input_age_ms}. */
  STALE_INPUT(true),
  /** The e-stop input is pressed (or unreadable). */
  ESTOP(true),
  /** The hardware-in-the-loop link reports no heartbeat within its timeout. */
  LINK_LOST(true),
  /** The control law raised a fault flag ({@code ControllerOutputs.faultFlags}). */
  CONTROLLER_FAULT(true),
  /** A sensor value (before conversion to fixed point) or an actuator command was NaN or infinite. */
  NON_FINITE(true);

  private static final FailsafeReason[] BY_BIT;

  static {
    FailsafeReason[] all = values();
    int faults = 0;
    for (FailsafeReason r : all) {
      if (r.fault) {
        faults++;
      }
    }
    BY_BIT = new FailsafeReason[faults];
    for (FailsafeReason r : all) {
      if (r.fault) {
        BY_BIT[Integer.numberOfTrailingZeros(r.bit)] = r;
      }
    }
  }

  private final boolean fault;
  private final int bit;

  FailsafeReason(boolean fault) {
    this.fault = fault;
    this.bit = fault ? 1 << (ordinal() - 5) : 0;
  }

  /** True for fault conditions, false for requests. */
  public boolean isFault() {
    return fault;
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
    int index = Integer.numberOfTrailingZeros(bits);
    return index < BY_BIT.length ? BY_BIT[index] : null;
  }

  /** "ESTOP|STALE_INPUT" for a condition set, "none" when empty. Allocates: for logs and reports. */
  public static String describe(int bits) {
    if (bits == 0) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    for (FailsafeReason r : BY_BIT) {
      if ((bits & r.bit) != 0) {
        if (b.length() > 0) {
          b.append('|');
        }
        b.append(r.name());
      }
    }
    return b.toString();
  }
}
