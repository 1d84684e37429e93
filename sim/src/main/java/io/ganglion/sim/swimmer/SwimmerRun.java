package io.ganglion.sim.swimmer;

import java.util.function.LongConsumer;

/**
 * Runs a control law on a swimmer for a number of control steps (15 physics steps each) and
 * measures the swim: distance, mean forward speed, the dm_control swim return and the speed of
 * the physics. The loop itself allocates nothing.
 */
public final class SwimmerRun {

  private final SwimmerState state;
  private final SwimmerControlLaw law;
  private final double[] ctrl;
  private SwimmerRecorder recorder = (step, s, u) -> {};
  private LongConsumer progress = step -> {};
  private long progressEvery = Long.MAX_VALUE;

  public SwimmerRun(SwimmerState state, SwimmerControlLaw law) {
    this.state = state;
    this.law = law;
    this.ctrl = new double[state.model().joints()];
  }

  /** Called before every control step with the state and the controls about to be applied. */
  public SwimmerRun recorder(SwimmerRecorder recorder) {
    this.recorder = recorder;
    return this;
  }

  /** Called with the number of completed control steps every {@code every} steps. */
  public SwimmerRun progress(long every, LongConsumer progress) {
    this.progressEvery = every;
    this.progress = progress;
    return this;
  }

  /** Runs {@code controlSteps} control steps from the state as it is now. */
  public SwimmerRunResult run(long controlSteps) {
    long wallStart = System.nanoTime();
    law.reset();
    SwimMetrics metrics = new SwimMetrics();
    metrics.start(state);
    long physicsNanos = 0;
    long physicsStart = state.physicsSteps();
    for (long step = 0; step < controlSteps; step++) {
      law.control(step, state, ctrl);
      recorder.record(step, state, ctrl);
      long t0 = System.nanoTime();
      boolean ok = SwimmerPhysics.controlStep(state, ctrl, SwimmerPhysics.STEPS_PER_CONTROL);
      physicsNanos += System.nanoTime() - t0;
      if (!ok) {
        break;
      }
      metrics.afterControlStep(state);
      if (metrics.controlSteps() % progressEvery == 0) {
        progress.accept(metrics.controlSteps());
      }
    }
    double wall = (System.nanoTime() - wallStart) / 1e9;
    return metrics.result(state.physicsSteps() - physicsStart, physicsNanos / 1e9, wall, state.faultMessage());
  }
}
