package io.ganglion.firmware.world;

import io.ganglion.drivers.servo.ServoChannelConfig;

/**
 * What a motor driver behind a PWM channel makes of the pulse it receives: the inverse of the
 * channel's mapping (docs/drivers.md), so that a simulated motor is driven by what the fake
 * PCA9685's registers really produce (12-bit counts, prescale rounding and all):
 *
 * <pre>
 *   u = (pulseUs - minPulseUs) / (maxPulseUs - minPulseUs);   u = 1 - u if direction = -1
 *   command = clamp(commandMin + u (commandMax - commandMin), commandMin, commandMax)
 *   |pulseUs - middle| &lt;= 5 us: command 0         (neutral deadband)
 *   no pulse (output off, sleeping chip): command 0 (no drive)
 * </pre>
 *
 * The deadband is that of ESCs and servo amplifiers, which ignore a few microseconds around
 * neutral; it also absorbs the PCA9685's quantisation (1500 us is 307 counts = 1498.2 us at 50 Hz),
 * without which a "stopped" mock robot would creep at 0.4 % of full drive.
 */
final class PulseDecoder {

  /** Half-width of the neutral deadband, us. */
  static final double DEADBAND_US = 5.0;

  private PulseDecoder() {}

  static double command(double pulseUs, ServoChannelConfig c) {
    if (!(pulseUs > 0)) {
      return 0.0;
    }
    if (Math.abs(pulseUs - 0.5 * (c.minPulseUs() + c.maxPulseUs())) <= DEADBAND_US) {
      return 0.0;
    }
    double u = (pulseUs - c.minPulseUs()) / (c.maxPulseUs() - c.minPulseUs());
    if (c.direction() < 0) {
      u = 1.0 - u;
    }
    double cmd = c.commandMin() + u * (c.commandMax() - c.commandMin());
    return Math.max(c.commandMin(), Math.min(c.commandMax(), cmd));
  }
}
