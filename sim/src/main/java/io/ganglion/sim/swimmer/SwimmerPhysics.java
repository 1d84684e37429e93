package io.ganglion.sim.swimmer;

/**
 * One physics step of the swimmer, stage by stage (like MuJoCo's mj_step with the Euler
 * integrator): kinematics, fluid forces, joint limits, dynamics, integration, then kinematics
 * again so that sensors read the new state. Allocation-free.
 */
public final class SwimmerPhysics {

  /** Physics steps per control step in the dm_control swimmer (0.03 s / 0.002 s). */
  public static final int STEPS_PER_CONTROL = 15;

  private SwimmerPhysics() {}

  /**
   * Advances {@code state} by one physics step with its current controls. Returns false, and does
   * nothing, once the state is non-finite (see {@link SwimmerState#faultMessage()}).
   */
  public static boolean step(SwimmerState state) {
    if (state.nonFinite) {
      return false;
    }
    SwimmerModel m = state.model;
    for (int j = 0; j < m.joints; j++) {
      if (!Double.isFinite(state.ctrl[j])) {
        state.nonFinite = true;
        state.nonFiniteDof = -1;
        state.nonFiniteAtStep = state.physicsSteps;
        return false;
      }
    }
    // kinematics are current: computed at the end of the previous step (or by reset/forward)
    SwimmerFluidForces.compute(m, state);
    SwimmerJointLimits.compute(m, state);
    SwimmerDynamics.solve(m, state);
    boolean ok = SwimmerIntegrator.integrate(m, state);
    SwimmerKinematics.compute(m, state);
    return ok;
  }

  /** Sets the controls (clamped to [-1, 1] when applied) and runs {@code steps} physics steps. */
  public static boolean controlStep(SwimmerState state, double[] ctrl, int steps) {
    System.arraycopy(ctrl, 0, state.ctrl, 0, state.ctrl.length);
    for (int i = 0; i < steps; i++) {
      if (!step(state)) {
        return false;
      }
    }
    return true;
  }
}
