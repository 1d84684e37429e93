package io.ganglion.firmware.config;

import io.ganglion.drivers.InvalidInputException;

/**
 * Parameters of the {@code drive} law (a differential-drive robot holding a commanded body
 * velocity). Validated at construction, whoever builds them (the board file reader checks the same
 * ranges first, so a board file's mistakes are all listed together): every value finite and in its
 * range, messages naming the board-file field ({@code law.params.wheel_radius_m}).
 *
 * @param wheelRadiusM wheel radius, m, {@value #MIN_WHEEL_RADIUS_M}..{@value #MAX_WHEEL_RADIUS_M}
 * @param trackM distance between the wheels' contact points, m, {@value #MIN_TRACK_M}..{@value #MAX_TRACK_M}
 * @param maxWheelSpeedRadS wheel speed at command 1, rad/s,
 *     {@value #MIN_MAX_WHEEL_SPEED_RAD_S}..{@value #MAX_MAX_WHEEL_SPEED_RAD_S}
 * @param kp wheel-speed feedback gain (command per unit of speed error / max speed), 0..{@value #MAX_KP}
 * @param vMS initial forward velocity command, m/s, within +-{@value #MAX_ABS_V_M_S}
 * @param wRadS initial yaw-rate command, rad/s, within +-{@value #MAX_ABS_W_RAD_S}
 */
public record DriveParams(double wheelRadiusM, double trackM, double maxWheelSpeedRadS, double kp, double vMS,
    double wRadS) {

  /** Field path prefix of the parameters in a board file. */
  public static final String PATH = "law.params.";
  public static final double MIN_WHEEL_RADIUS_M = 1e-3;
  public static final double MAX_WHEEL_RADIUS_M = 1;
  public static final double MIN_TRACK_M = 1e-3;
  public static final double MAX_TRACK_M = 10;
  public static final double MIN_MAX_WHEEL_SPEED_RAD_S = 1e-3;
  public static final double MAX_MAX_WHEEL_SPEED_RAD_S = 10_000;
  public static final double MAX_KP = 100;
  public static final double MAX_ABS_V_M_S = 100;
  public static final double MAX_ABS_W_RAD_S = 1000;

  /** Checks every range; the first violation is an {@link InvalidInputException} naming its field. */
  public DriveParams {
    check("wheel_radius_m", wheelRadiusM, MIN_WHEEL_RADIUS_M, MAX_WHEEL_RADIUS_M, "m");
    check("track_m", trackM, MIN_TRACK_M, MAX_TRACK_M, "m");
    check("max_wheel_speed_rad_s", maxWheelSpeedRadS, MIN_MAX_WHEEL_SPEED_RAD_S, MAX_MAX_WHEEL_SPEED_RAD_S, "rad/s");
    check("kp", kp, 0, MAX_KP, "(command per unit of relative speed error)");
    check("v_m_s", vMS, -MAX_ABS_V_M_S, MAX_ABS_V_M_S, "m/s");
    check("w_rad_s", wRadS, -MAX_ABS_W_RAD_S, MAX_ABS_W_RAD_S, "rad/s");
  }

  private static void check(String key, double value, double min, double max, String unit) {
    if (!(value >= min && value <= max)) {
      throw new InvalidInputException(PATH + key + ": " + value + (Double.isFinite(value) ? " is out of range" : " is not a number")
          + "; use " + YamlObject.fmt(min) + ".." + YamlObject.fmt(max) + " " + unit + " in the board file's law.params");
    }
  }
}
