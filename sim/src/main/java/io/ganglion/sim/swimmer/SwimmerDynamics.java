package io.ganglion.sim.swimmer;

/**
 * Stage 4: forward dynamics in O(n): Featherstone's articulated-body algorithm on the planar
 * chain with a floating (x, y, yaw) root, with the soft joint limits folded in.
 *
 * <p>MuJoCo's constrained dynamics find qacc minimising
 * <pre>
 *   1/2 (qacc - qacc0)' M (qacc - qacc0) + sum_rows 1/2 D (J qacc - aref)^2 [J qacc &lt; aref]
 * </pre>
 * with qacc0 = M^-1 (tau_actuator + tau_fluid - bias). The limit rows' Jacobians are +-unit
 * vectors on one hinge each, so for a given set of rows "in the cost" the optimality condition is
 * <pre>
 *   (M + sum D e_j e_j') qacc = tau + sum J D aref e_j
 * </pre>
 * i.e. the plain dynamics with D added to the hinge's armature and J D aref to its torque: one
 * articulated-body pass. The set is found by iterating until it is consistent (rows in the cost
 * have J qacc &lt; aref, the others do not), starting from the previous step's set; any consistent
 * set gives the unique minimiser of the strictly convex problem.
 *
 * <p>Articulated-body recursions (world frame, spatial vectors at the origin; S_k the hinge's
 * motion subspace, c_k its velocity-product term, I_k the link's spatial inertia):
 * <pre>
 *   inward:  U = I^A S,  D = S'U + armature (+ D_limit),  u = tau - S' p^A
 *            I^A_parent += I^A - U U'/D,   p^A_parent += p^A + (I^A - U U'/D) c + U u / D
 *   root:    a_0 = -(I^A_0)^-1 p^A_0       (floating base)
 *   outward: a' = a_parent + c,  qacc = (u - U'a') / D,  a = a' + S qacc
 * </pre>
 * with p_k = v_k x* (I_k v_k) - f_fluid,k.
 */
final class SwimmerDynamics {

  private SwimmerDynamics() {}

  /** Computes qacc for the current kinematics, fluid forces and limit rows. */
  static void solve(SwimmerModel m, SwimmerState s) {
    int joints = m.joints;
    boolean anyLimit = false;
    for (int j = 0; j < joints; j++) {
      if (s.limitSide[j] == 0) {
        s.limitInCost[j] = false;
      } else {
        anyLimit = true;
      }
    }
    int maxIterations = joints + 4;
    int iteration = 0;
    while (true) {
      iteration++;
      articulatedBodyPass(m, s, -1);
      if (!anyLimit) {
        break;
      }
      boolean changed = false;
      for (int j = 0; j < joints; j++) {
        int side = s.limitSide[j];
        if (side == 0) {
          continue;
        }
        boolean inCost = side * s.qacc[3 + j] - s.limitAref[j] < 0;
        if (inCost != s.limitInCost[j]) {
          s.limitInCost[j] = inCost;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      if (iteration >= maxIterations) {
        s.solverNotConverged++;
        articulatedBodyPass(m, s, -1);
        break;
      }
    }
    s.lastSolverIterations = iteration;
  }

  /**
   * One articulated-body pass. With {@code unitTorqueJoint >= 0}, the only generalised force is a
   * unit torque on that hinge and velocities and fluid forces are ignored (for M^-1 columns).
   */
  static void articulatedBodyPass(SwimmerModel m, SwimmerState s, int unitTorqueJoint) {
    int n = m.bodies;
    double mass = m.massKg;
    double izz = m.inertiaZzKgM2;
    boolean unit = unitTorqueJoint >= 0;
    // Link spatial inertias and bias forces p = v x* (I v) - f_ext
    for (int k = 0; k < n; k++) {
      double cx = s.comX[k];
      double cy = s.comY[k];
      double iww = izz + mass * (cx * cx + cy * cy);
      double iwx = -mass * cy;
      double iwy = mass * cx;
      s.artWW[k] = iww;
      s.artWX[k] = iwx;
      s.artWY[k] = iwy;
      s.artXX[k] = mass;
      s.artXY[k] = 0;
      s.artYY[k] = mass;
      if (unit) {
        s.artPW[k] = 0;
        s.artPX[k] = 0;
        s.artPY[k] = 0;
      } else {
        double w = s.velW[k];
        double vx = s.velX[k];
        double vy = s.velY[k];
        double hw = iww * w + iwx * vx + iwy * vy;
        double hx = iwx * w + mass * vx;
        double hy = iwy * w + mass * vy;
        // v x* h = (-vy hx + vx hy, -w hy, w hx)
        s.artPW[k] = -vy * hx + vx * hy - s.fluidN[k];
        s.artPX[k] = -w * hy - s.fluidX[k];
        s.artPY[k] = w * hx - s.fluidY[k];
      }
    }
    // Inward pass over the hinges
    for (int k = n - 1; k >= 1; k--) {
      int j = k - 1;
      double ax = s.anchorX[k];
      double ay = s.anchorY[k];
      double ww = s.artWW[k];
      double wx = s.artWX[k];
      double wy = s.artWY[k];
      double xx = s.artXX[k];
      double xy = s.artXY[k];
      double yy = s.artYY[k];
      // U = I^A S, S = (1, a_y, -a_x)
      double uw = ww + wx * ay - wy * ax;
      double ux = wx + xx * ay - xy * ax;
      double uy = wy + xy * ay - yy * ax;
      double d = uw + ay * ux - ax * uy + m.armatureKgM2;
      double tau;
      if (unit) {
        tau = j == unitTorqueJoint ? 1.0 : 0.0;
      } else {
        double c = s.ctrl[j];
        c = c > 1 ? 1 : (c < -1 ? -1 : c);
        tau = m.gearNm * c;
        if (s.limitInCost[j]) {
          double dl = s.limitD[j];
          d += dl;
          tau += s.limitSide[j] * dl * s.limitAref[j];
        }
      }
      double pw = s.artPW[k];
      double px = s.artPX[k];
      double py = s.artPY[k];
      double u = tau - (pw + ay * px - ax * py);
      double invD = 1.0 / d;
      s.uW[k] = uw;
      s.uX[k] = ux;
      s.uY[k] = uy;
      s.jointInvD[k] = invD;
      s.jointU[k] = u;
      // Ia = I^A - U U' / D
      double iaWW = ww - uw * uw * invD;
      double iaWX = wx - uw * ux * invD;
      double iaWY = wy - uw * uy * invD;
      double iaXX = xx - ux * ux * invD;
      double iaXY = xy - ux * uy * invD;
      double iaYY = yy - uy * uy * invD;
      double cw = unit ? 0 : s.biasW[k];
      double cx = unit ? 0 : s.biasX[k];
      double cy = unit ? 0 : s.biasY[k];
      double uOverD = u * invD;
      int p = k - 1;
      s.artWW[p] += iaWW;
      s.artWX[p] += iaWX;
      s.artWY[p] += iaWY;
      s.artXX[p] += iaXX;
      s.artXY[p] += iaXY;
      s.artYY[p] += iaYY;
      s.artPW[p] += pw + iaWW * cw + iaWX * cx + iaWY * cy + uw * uOverD;
      s.artPX[p] += px + iaWX * cw + iaXX * cx + iaXY * cy + ux * uOverD;
      s.artPY[p] += py + iaWY * cw + iaXY * cx + iaYY * cy + uy * uOverD;
    }
    // Floating root: a_0 = -(I^A_0)^-1 p^A_0 (3x3 symmetric solve by cofactors)
    double ww = s.artWW[0];
    double wx = s.artWX[0];
    double wy = s.artWY[0];
    double xx = s.artXX[0];
    double xy = s.artXY[0];
    double yy = s.artYY[0];
    double c00 = xx * yy - xy * xy;
    double c01 = wy * xy - wx * yy;
    double c02 = wx * xy - wy * xx;
    double c11 = ww * yy - wy * wy;
    double c12 = wx * wy - ww * xy;
    double c22 = ww * xx - wx * wx;
    double invDet = 1.0 / (ww * c00 + wx * c01 + wy * c02);
    double bw = -s.artPW[0];
    double bx = -s.artPX[0];
    double by = -s.artPY[0];
    double aw = (c00 * bw + c01 * bx + c02 * by) * invDet;
    double axx = (c01 * bw + c11 * bx + c12 * by) * invDet;
    double ayy = (c02 * bw + c12 * bx + c22 * by) * invDet;
    s.accW[0] = aw;
    s.accX[0] = axx;
    s.accY[0] = ayy;
    // Root generalised accelerations from a_0 = c_0 + S_0 qacc_0, S_0 = [(0,1,0), (0,0,1), (1, A_y, -A_x)]
    double relW = aw - (unit ? 0 : s.biasW[0]);
    double relX = axx - (unit ? 0 : s.biasX[0]);
    double relY = ayy - (unit ? 0 : s.biasY[0]);
    s.qacc[2] = relW;
    s.qacc[0] = relX - relW * s.anchorY[0];
    s.qacc[1] = relY + relW * s.anchorX[0];
    // Outward pass
    for (int k = 1; k < n; k++) {
      double pw = s.accW[k - 1] + (unit ? 0 : s.biasW[k]);
      double px = s.accX[k - 1] + (unit ? 0 : s.biasX[k]);
      double py = s.accY[k - 1] + (unit ? 0 : s.biasY[k]);
      double qdd = (s.jointU[k] - (s.uW[k] * pw + s.uX[k] * px + s.uY[k] * py)) * s.jointInvD[k];
      s.qacc[2 + k] = qdd;
      s.accW[k] = pw + qdd;
      s.accX[k] = px + qdd * s.anchorY[k];
      s.accY[k] = py - qdd * s.anchorX[k];
    }
  }

  /** Fills {@code dest[j]} with (M^-1)_jj for each hinge at qpos = 0 (MuJoCo's dof_invweight0). */
  static void inverseMassDiagonalAtRest(SwimmerModel m, double[] dest) {
    SwimmerState rest = new SwimmerState(m);
    for (int j = 0; j < m.joints; j++) {
      articulatedBodyPass(m, rest, j);
      dest[j] = rest.qacc[3 + j];
    }
  }
}
