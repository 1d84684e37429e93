package io.ganglion.sim.swimmer;

/**
 * The measurements of a swim, accumulated control step by control step: the nose's straight-line
 * distance and path length, the head's mean forward speed and the dm_control swim return. Shared
 * by every loop that runs a swimmer ({@link SwimmerRun} and the firmware's simulation), so they
 * measure identically. Allocation-free until {@link #result}.
 */
public final class SwimMetrics {

  private double startX;
  private double startY;
  private double lastX;
  private double lastY;
  private double pathM;
  private double speedSumMS;
  private double swimReturn;
  private long controlSteps;

  /** Starts a swim at the state as it is now. */
  public void start(SwimmerState s) {
    startX = SwimmerSensors.noseX(s);
    startY = SwimmerSensors.noseY(s);
    lastX = startX;
    lastY = startY;
    pathM = 0;
    speedSumMS = 0;
    swimReturn = 0;
    controlSteps = 0;
  }

  /** Adds one control step, measured on the state after its physics steps. */
  public void afterControlStep(SwimmerState s) {
    controlSteps++;
    double x = SwimmerSensors.noseX(s);
    double y = SwimmerSensors.noseY(s);
    pathM += Math.hypot(x - lastX, y - lastY);
    lastX = x;
    lastY = y;
    double speed = SwimmerSensors.headForwardSpeedMS(s);
    speedSumMS += speed;
    swimReturn += SwimRewards.swim(speed);
  }

  /** Control steps measured so far. */
  public long controlSteps() {
    return controlSteps;
  }

  /** The result, with the run's own counts and times. */
  public SwimmerRunResult result(long physicsSteps, double physicsSeconds, double wallSeconds, String fault) {
    return new SwimmerRunResult(controlSteps, physicsSteps, Math.hypot(lastX - startX, lastY - startY), pathM,
        controlSteps > 0 ? speedSumMS / controlSteps : 0, swimReturn, physicsSeconds, wallSeconds, lastX, lastY, fault);
  }
}
