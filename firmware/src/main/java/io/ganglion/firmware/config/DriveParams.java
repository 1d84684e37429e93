package io.ganglion.firmware.config;

/**
 * Parameters of the {@code drive} law (a differential-drive robot holding a commanded body
 * velocity).
 *
 * @param wheelRadiusM wheel radius, m
 * @param trackM distance between the wheels' contact points, m
 * @param maxWheelSpeedRadS wheel speed at command 1, rad/s
 * @param kp wheel-speed feedback gain (command per unit of speed error / max speed), >= 0
 * @param vMS initial forward velocity command, m/s
 * @param wRadS initial yaw-rate command, rad/s
 */
public record DriveParams(double wheelRadiusM, double trackM, double maxWheelSpeedRadS, double kp, double vMS,
    double wRadS) {}
