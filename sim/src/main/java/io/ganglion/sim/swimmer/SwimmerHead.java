package io.ganglion.sim.swimmer;

import io.ganglion.sim.io.SimBody;

/**
 * The swimmer's head as an IMU mounted at its centre sees it, axes x forward (the head's local
 * -y), y left, z up. The yaw rate is exact; the in-plane specific force is the mean acceleration of
 * the head's centre since the previous sample (a difference of its velocity, rotated into the head
 * frame; 0 for the first sample), plus +g on z (the robot floats level).
 *
 * <pre>
 *   u = v_origin + w x r_com                 (head centre velocity, world)
 *   a = (u - u_prev) / (t - t_prev)          (world)
 *   f_x = sin(phi) a_x - cos(phi) a_y        (forward = local -y = (sin phi, -cos phi))
 *   f_y = cos(phi) a_x + sin(phi) a_y        (left = local +x = (cos phi, sin phi))
 *   f_z = g
 * </pre>
 */
public final class SwimmerHead implements SimBody {

  /** Standard gravity, m/s^2. */
  public static final double G = 9.80665;

  private final SwimmerState state;
  private double prevUx;
  private double prevUy;
  private double prevTimeS = Double.NaN;
  private double ax;
  private double ay;

  public SwimmerHead(SwimmerState state) {
    this.state = state;
  }

  @Override
  public double yawRateRadPerSec() {
    return SwimmerSensors.headYawRateRadS(state);
  }

  @Override
  public void specificForce(double[] dest) {
    SwimmerState s = state;
    double w = s.velW[0];
    double ux = s.velX[0] - w * s.comY[0];
    double uy = s.velY[0] + w * s.comX[0];
    double t = s.timeS;
    if (!Double.isNaN(prevTimeS) && t > prevTimeS) {
      ax = (ux - prevUx) / (t - prevTimeS);
      ay = (uy - prevUy) / (t - prevTimeS);
    }
    if (Double.isNaN(prevTimeS) || t != prevTimeS) {
      prevUx = ux;
      prevUy = uy;
      prevTimeS = t;
    }
    // head frame: forward = local -y = (sin phi, -cos phi) in world; left = local +x = (cos phi, sin phi)
    double c = s.cos[0];
    double sn = s.sin[0];
    dest[0] = sn * ax - c * ay;
    dest[1] = c * ax + sn * ay;
    dest[2] = G;
  }
}
