package io.ganglion.sim.swimmer;

/**
 * Stage 5: semi-implicit Euler, as MuJoCo's mjINT_EULER without joint damping:
 * <pre>
 *   qvel' = qvel + h qacc
 *   qpos' = qpos + h qvel'
 * </pre>
 * If any new value is not finite, nothing is written, the state is marked non-finite and keeps
 * its last finite values, and later steps do nothing.
 */
final class SwimmerIntegrator {

  private SwimmerIntegrator() {}

  /** Advances qpos/qvel/time by one step; false (and the state flagged) if the step was not finite. */
  static boolean integrate(SwimmerModel m, SwimmerState s) {
    double h = m.timestepS;
    double[] qpos = s.qpos;
    double[] qvel = s.qvel;
    double[] qacc = s.qacc;
    for (int i = 0; i < m.dofs; i++) {
      double v = qvel[i] + h * qacc[i];
      double p = qpos[i] + h * v;
      if (!Double.isFinite(v) || !Double.isFinite(p)) {
        s.nonFinite = true;
        s.nonFiniteDof = i;
        s.nonFiniteAtStep = s.physicsSteps;
        return false;
      }
    }
    for (int i = 0; i < m.dofs; i++) {
      qvel[i] += h * qacc[i];
      qpos[i] += h * qvel[i];
    }
    s.timeS += h;
    s.physicsSteps++;
    return true;
  }
}
