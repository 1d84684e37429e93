package io.ganglion.drivers.servo;

import io.ganglion.drivers.InvalidInputException;

/**
 * One PWM output of a PCA9685: a hobby servo, an ESC, or any pulse-width load.
 *
 * <p>Commands are in the channel's own unit: normalised ({@code [-1, 1]}) or an angle in
 * radians. The command range {@code [commandMin, commandMax]} maps linearly onto the pulse range
 * {@code [minPulseUs, maxPulseUs]}; direction -1 swaps the ends (a mirrored joint). Commands are
 * clamped to the limits {@code [limitMin, limitMax]} inside the command range; the safe command
 * is what the failsafe drives.
 *
 * <pre>
 *   c' = clamp(c, limitMin, limitMax)
 *   u  = (c' - commandMin) / (commandMax - commandMin)        in [0, 1]
 *   u  = 1 - u                                               if direction = -1
 *   pulseUs = minPulseUs + u (maxPulseUs - minPulseUs)
 * </pre>
 *
 * @param name the joint or actuator name (unique on its board)
 * @param channel PCA9685 output 0..15
 * @param minPulseUs pulse width at the low end (>= 0; 0 means output off there)
 * @param maxPulseUs pulse width at the high end (> minPulseUs, at most one PWM period)
 * @param direction +1 or -1
 * @param commandMin command at the low end of the range
 * @param commandMax command at the high end of the range
 * @param limitMin lowest command allowed (>= commandMin)
 * @param limitMax highest command allowed (<= commandMax)
 * @param safeCommand the command for the safe state, within the limits
 */
public record ServoChannelConfig(String name, int channel, double minPulseUs, double maxPulseUs, int direction,
    double commandMin, double commandMax, double limitMin, double limitMax, double safeCommand) {

  public ServoChannelConfig {
    String what = "servo channel '" + name + "'";
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("servo channel " + channel + ": name is missing");
    }
    if (channel < 0 || channel > 15) {
      throw new InvalidInputException(what + ": channel " + channel + " is out of range 0..15 (PCA9685 has 16 outputs)");
    }
    if (!(minPulseUs >= 0) || !Double.isFinite(minPulseUs)) {
      throw new InvalidInputException(what + ": minPulseUs " + minPulseUs + " must be a finite value >= 0");
    }
    if (!(maxPulseUs > minPulseUs) || !Double.isFinite(maxPulseUs)) {
      throw new InvalidInputException(what + ": minPulseUs (" + minPulseUs + ") must be < maxPulseUs (" + maxPulseUs
          + "); typical servos use 500..2500");
    }
    if (direction != 1 && direction != -1) {
      throw new InvalidInputException(what + ": direction " + direction + " must be +1 or -1");
    }
    if (!Double.isFinite(commandMin) || !Double.isFinite(commandMax) || !(commandMin < commandMax)) {
      throw new InvalidInputException(what + ": command range [" + commandMin + ", " + commandMax
          + "] must be finite with min < max");
    }
    if (!Double.isFinite(limitMin) || !Double.isFinite(limitMax) || limitMin > limitMax
        || limitMin < commandMin || limitMax > commandMax) {
      throw new InvalidInputException(what + ": limits [" + limitMin + ", " + limitMax
          + "] must be ordered and inside the command range [" + commandMin + ", " + commandMax + "]");
    }
    if (!Double.isFinite(safeCommand) || safeCommand < limitMin || safeCommand > limitMax) {
      throw new InvalidInputException(what + ": safe value " + safeCommand + " must be inside the limits ["
          + limitMin + ", " + limitMax + "]");
    }
  }

  /** A channel commanded in {@code [-1, 1]} (ESC throttle, normalised servo) with limits [-1, 1]. */
  public static ServoChannelConfig normalized(String name, int channel, double minPulseUs, double maxPulseUs,
      int direction, double safeCommand) {
    return new ServoChannelConfig(name, channel, minPulseUs, maxPulseUs, direction, -1, 1, -1, 1, safeCommand);
  }

  /**
   * A servo commanded in radians: {@code minAngleRad..maxAngleRad} is its travel over the pulse
   * range, {@code limitMinRad..limitMaxRad} what the mechanism allows.
   */
  public static ServoChannelConfig angle(String name, int channel, double minPulseUs, double maxPulseUs, int direction,
      double minAngleRad, double maxAngleRad, double limitMinRad, double limitMaxRad, double safeRad) {
    return new ServoChannelConfig(name, channel, minPulseUs, maxPulseUs, direction, minAngleRad, maxAngleRad,
        limitMinRad, limitMaxRad, safeRad);
  }

  /** The command clamped to the limits. */
  public double clamp(double command) {
    return Math.max(limitMin, Math.min(limitMax, command));
  }

  /** Pulse width in microseconds for a command already inside the limits (equation above). */
  public double pulseUs(double limitedCommand) {
    double u = (limitedCommand - commandMin) / (commandMax - commandMin);
    if (direction < 0) {
      u = 1.0 - u;
    }
    return minPulseUs + u * (maxPulseUs - minPulseUs);
  }
}
