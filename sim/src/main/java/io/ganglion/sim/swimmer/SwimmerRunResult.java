package io.ganglion.sim.swimmer;

/**
 * What a swimmer run measured.
 *
 * @param controlSteps control steps run
 * @param physicsSteps physics steps run
 * @param distanceM straight-line distance from the nose's start to its end, m
 * @param pathLengthM length of the nose's path sampled at every control step, m
 * @param meanForwardSpeedMS mean over control steps of the head's forward speed after the step, m/s
 * @param swimReturn sum of the dm_control swim reward over the control steps (max = controlSteps)
 * @param physicsSeconds wall time spent inside the physics steps, s
 * @param wallSeconds wall time of the whole run (controller, recording and physics), s
 * @param finalNoseX nose x at the end, m
 * @param finalNoseY nose y at the end, m
 * @param fault empty, or why the run stopped early (non-finite state)
 */
public record SwimmerRunResult(
    long controlSteps,
    long physicsSteps,
    double distanceM,
    double pathLengthM,
    double meanForwardSpeedMS,
    double swimReturn,
    double physicsSeconds,
    double wallSeconds,
    double finalNoseX,
    double finalNoseY,
    String fault) {

  /** Physics steps per second of physics time. */
  public double physicsStepsPerSecond() {
    return physicsSeconds > 0 ? physicsSteps / physicsSeconds : 0;
  }

  public boolean faulted() {
    return !fault.isEmpty();
  }
}
