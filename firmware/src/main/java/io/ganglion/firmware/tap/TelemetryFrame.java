package io.ganglion.firmware.tap;

import io.ganglion.firmware.failsafe.ArmState;

/**
 * A snapshot of the loop for telemetry, filled in place by the telemetry task at its rate and
 * offered to a {@link TelemetryTap}. Public mutable fields and arrays sized once (AdvantageKit
 * style); units in the names. Joint arrays follow the board's joints (one encoder per joint),
 * command arrays the PWM channels.
 */
public final class TelemetryFrame {

  /** 1, 2, ... per frame offered. */
  public long sequence;
  /** Loop time of the frame, ns. */
  public long timeNanos;
  /** Arming state. */
  public ArmState state = ArmState.DISARMED;
  /** Active failsafe conditions ({@code FailsafeReason} bits). */
  public int conditions;
  /** Encoder angles, rad (wrapped to [-pi, pi)). */
  public final double[] jointAngleRad;
  /** Encoder velocities, rad/s. */
  public final double[] jointVelocityRadPerSec;
  /** Encoder {@code DeviceFaults} bits. */
  public final int[] encoderFaultFlags;
  /** Commands applied to the PWM channels (channel units, after limits and safe substitution). */
  public final double[] commands;
  /** Pulse widths of the PWM channels, us (0 = off). */
  public final double[] pulseWidthUs;
  /** All PWM outputs hold their safe values. */
  public boolean safeApplied;
  /** PWM chip {@code DeviceFaults} bits. */
  public int servoFaultFlags;
  /** Whether the board has an IMU (the IMU fields are zero otherwise). */
  public boolean imuPresent;
  /** Angular velocity, rad/s, sensor axes. */
  public final double[] gyroRadPerSec = new double[3];
  /** Specific force, m/s^2, sensor axes. */
  public final double[] accelMps2 = new double[3];
  /** IMU {@code DeviceFaults} bits. */
  public int imuFaultFlags;
  /** Debounced e-stop state. */
  public boolean estopPressed;
  /** Control-law steps run so far. */
  public long lawSteps;
  /** Fault flags of the law's last step. */
  public int lawFaultFlags;

  public TelemetryFrame(int joints, int channels) {
    jointAngleRad = new double[joints];
    jointVelocityRadPerSec = new double[joints];
    encoderFaultFlags = new int[joints];
    commands = new double[channels];
    pulseWidthUs = new double[channels];
  }

  /** Copies every field of {@code o} (same sizes) into this frame; allocation-free. */
  public void copyFrom(TelemetryFrame o) {
    sequence = o.sequence;
    timeNanos = o.timeNanos;
    state = o.state;
    conditions = o.conditions;
    System.arraycopy(o.jointAngleRad, 0, jointAngleRad, 0, jointAngleRad.length);
    System.arraycopy(o.jointVelocityRadPerSec, 0, jointVelocityRadPerSec, 0, jointVelocityRadPerSec.length);
    System.arraycopy(o.encoderFaultFlags, 0, encoderFaultFlags, 0, encoderFaultFlags.length);
    System.arraycopy(o.commands, 0, commands, 0, commands.length);
    System.arraycopy(o.pulseWidthUs, 0, pulseWidthUs, 0, pulseWidthUs.length);
    safeApplied = o.safeApplied;
    servoFaultFlags = o.servoFaultFlags;
    imuPresent = o.imuPresent;
    System.arraycopy(o.gyroRadPerSec, 0, gyroRadPerSec, 0, 3);
    System.arraycopy(o.accelMps2, 0, accelMps2, 0, 3);
    imuFaultFlags = o.imuFaultFlags;
    estopPressed = o.estopPressed;
    lawSteps = o.lawSteps;
    lawFaultFlags = o.lawFaultFlags;
  }
}
