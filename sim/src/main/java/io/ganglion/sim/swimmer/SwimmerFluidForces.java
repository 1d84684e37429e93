package io.ganglion.sim.swimmer;

/**
 * Stage 2: MuJoCo's inertia-box fluid model (viscosity 0), per link.
 *
 * <p>The link moves with centre-of-mass velocity u = (vx - w c_y, vy + w c_x) and angular rate w.
 * In the link frame (x lateral, y axial), with b the sides of the equivalent box:
 * <pre>
 *   f_x = -1/2 rho b_y b_z |u_x| u_x        (lateral)
 *   f_y = -1/2 rho b_x b_z |u_y| u_y        (axial)
 *   g_z = -rho b_z (b_x^4 + b_y^4) |w| w / 64
 * </pre>
 * The force is rotated to the world and applied at the centre of mass; stored as a spatial force
 * at the world origin: (g_z + c x F, F_x, F_y).
 */
final class SwimmerFluidForces {

  private SwimmerFluidForces() {}

  static void compute(SwimmerModel m, SwimmerState s) {
    double lateral = m.lateralDragCoef;
    double axial = m.axialDragCoef;
    double yaw = m.yawDragCoef;
    for (int k = 0; k < m.bodies; k++) {
      double w = s.velW[k];
      double cx = s.comX[k];
      double cy = s.comY[k];
      double ux = s.velX[k] - w * cy;
      double uy = s.velY[k] + w * cx;
      double cs = s.cos[k];
      double sn = s.sin[k];
      // world -> link frame: R^T u
      double localX = cs * ux + sn * uy;
      double localY = -sn * ux + cs * uy;
      double fLocalX = -lateral * Math.abs(localX) * localX;
      double fLocalY = -axial * Math.abs(localY) * localY;
      double torque = -yaw * Math.abs(w) * w;
      // link -> world: R f
      double fx = cs * fLocalX - sn * fLocalY;
      double fy = sn * fLocalX + cs * fLocalY;
      s.fluidN[k] = torque + cx * fy - cy * fx;
      s.fluidX[k] = fx;
      s.fluidY[k] = fy;
    }
  }
}
