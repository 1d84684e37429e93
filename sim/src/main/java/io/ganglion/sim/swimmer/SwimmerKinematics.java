package io.ganglion.sim.swimmer;

/**
 * Stage 1: positions, orientations and spatial velocities of the links from qpos and qvel.
 *
 * <p>Link k's absolute angle is phi_k = yaw + q_0 + ... + q_{k-1}; its local +y axis (towards the
 * tail) is (-sin phi, cos phi) in the world. With h = half the link length:
 * <pre>
 *   anchor_0 = (x, y - h)                               root hinge, the head's front end
 *   com_k    = anchor_k + h (-sin phi_k, cos phi_k)
 *   anchor_k = com_{k-1} + h (-sin phi_{k-1}, cos phi_{k-1})   (k >= 1)
 * </pre>
 * Velocities are planar spatial vectors at the world origin, v = (w, vx, vy). A hinge at point a
 * has motion subspace S = (1, a_y, -a_x); the root's slides have S = (0, 1, 0) and (0, 0, 1).
 * <pre>
 *   v_0 = (yawdot, xdot + yawdot a_y, ydot - yawdot a_x)
 *   v_k = v_{k-1} + S_k qdot_k
 *   c_k = v_k x (S_k qdot_k) = qdot_k (0, adot_y, -adot_x)      (Featherstone's velocity-product term)
 * </pre>
 * where adot = (vx - w a_y, vy + w a_x) is the velocity of the anchor point.
 */
final class SwimmerKinematics {

  private SwimmerKinematics() {}

  static void compute(SwimmerModel m, SwimmerState s) {
    double h = m.halfLengthM;
    double[] qpos = s.qpos;
    double[] qvel = s.qvel;

    double phi = qpos[2];
    double ax = qpos[0];
    double ay = qpos[1] - h;
    double yawRate = qvel[2];
    double w = yawRate;
    double vx = qvel[0] + yawRate * ay;
    double vy = qvel[1] - yawRate * ax;
    for (int k = 0; k < m.bodies; k++) {
      double qd;
      if (k > 0) {
        phi += qpos[2 + k];
        qd = qvel[2 + k];
        // anchor = back end of the previous link
        ax = s.comX[k - 1] - h * s.sin[k - 1];
        ay = s.comY[k - 1] + h * s.cos[k - 1];
        w += qd;
        vx += qd * ay;
        vy -= qd * ax;
      } else {
        qd = yawRate;
      }
      double sn = Math.sin(phi);
      double cs = Math.cos(phi);
      s.angleRad[k] = phi;
      s.sin[k] = sn;
      s.cos[k] = cs;
      s.anchorX[k] = ax;
      s.anchorY[k] = ay;
      s.comX[k] = ax - h * sn;
      s.comY[k] = ay + h * cs;
      s.velW[k] = w;
      s.velX[k] = vx;
      s.velY[k] = vy;
      // c_k = qd (0, adot_y, -adot_x), adot = velocity of the anchor point
      double adotX = vx - w * ay;
      double adotY = vy + w * ax;
      s.biasW[k] = 0;
      s.biasX[k] = qd * adotY;
      s.biasY[k] = -qd * adotX;
    }
  }
}
