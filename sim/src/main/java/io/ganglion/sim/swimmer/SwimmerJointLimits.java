package io.ganglion.sim.swimmer;

/**
 * Stage 3: MuJoCo's soft joint limits (solref, solimp) for the internal hinges.
 *
 * <p>A limit is a constraint row when the hinge is beyond its range: r = q + range &lt; 0 (lower,
 * Jacobian J = +1) or r = range - q &lt; 0 (upper, J = -1). For each row, as in MuJoCo's
 * {@code mj_makeImpedance}:
 * <pre>
 *   x    = |r| / width                          (clamped to [0, 1])
 *   y(x) = x^p / m^(p-1)             for x &lt;= m  (m = midpoint, p = power)
 *        = 1 - (1-x)^p / (1-m)^(p-1) for x &gt;  m
 *   imp  = dmin + y (dmax - dmin)               (dmin, dmax kept in [1e-4, 0.9999])
 *   aref = -b (J qdot) - k imp r                (b = 2/(dmax tc), k = 1/(dmax^2 tc^2 dr^2))
 *   R    = max(1e-15, (1 - imp) / imp * invweight0),  D = 1 / R
 * </pre>
 * The constraint force of an active row is f = -D (J qacc - aref) when J qacc &lt; aref, else 0;
 * {@link SwimmerDynamics} finds qacc consistent with it.
 */
final class SwimmerJointLimits {

  private SwimmerJointLimits() {}

  static void compute(SwimmerModel m, SwimmerState s) {
    double range = m.jointRangeRad;
    for (int j = 0; j < m.joints; j++) {
      double q = s.qpos[3 + j];
      double qd = s.qvel[3 + j];
      double lower = q + range;
      double upper = range - q;
      int side;
      double r;
      double vel;
      if (lower < 0) {
        side = 1;
        r = lower;
        vel = qd;
      } else if (upper < 0) {
        side = -1;
        r = upper;
        vel = -qd;
      } else {
        s.limitSide[j] = 0;
        s.limitD[j] = 0;
        s.limitAref[j] = 0;
        continue;
      }
      double imp = impedance(m, r);
      s.limitSide[j] = side;
      s.limitAref[j] = -m.limitDampingB * vel - m.limitStiffnessK * imp * r;
      double resistance = Math.max(SwimmerModel.MIN_VALUE, (1 - imp) / imp * m.hingeInvWeight0(j));
      s.limitD[j] = 1 / resistance;
    }
  }

  /** MuJoCo's impedance of a violation r (getimpedance). */
  static double impedance(SwimmerModel m, double r) {
    double dmin = m.impedanceMin;
    double dmax = m.impedanceMax;
    if (dmin == dmax) {
      return dmin;
    }
    double x = Math.abs(r) / m.impedanceWidthRad;
    if (x >= 1) {
      return dmax;
    }
    if (x <= 0) {
      return dmin;
    }
    double mid = m.impedanceMidpoint;
    double p = m.impedancePower;
    double y;
    if (p == 1) {
      y = x;
    } else if (x <= mid) {
      y = Math.pow(x, p) / Math.pow(mid, p - 1);
    } else {
      y = 1 - Math.pow(1 - x, p) / Math.pow(1 - mid, p - 1);
    }
    return dmin + y * (dmax - dmin);
  }
}
