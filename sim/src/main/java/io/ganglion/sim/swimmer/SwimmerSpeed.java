package io.ganglion.sim.swimmer;

/**
 * Measures physics steps per second the same way the MuJoCo harness's {@code bench} mode does:
 * from rest, controls u_i = sin(0.01 s + i) set before every physics step, single thread.
 */
public final class SwimmerSpeed {

  private SwimmerSpeed() {}

  /** Runs {@code physicsSteps} steps of a fresh swimmer with {@code bodies} links; returns steps per second. */
  public static double measure(int bodies, long physicsSteps) {
    SwimmerState s = new SwimmerState(SwimmerModel.dmControl(bodies));
    int joints = bodies - 1;
    double[] ctrl = s.ctrl();
    long t0 = System.nanoTime();
    for (long step = 0; step < physicsSteps; step++) {
      for (int i = 0; i < joints; i++) {
        ctrl[i] = Math.sin(0.01 * step + i);
      }
      SwimmerPhysics.step(s);
    }
    long nanos = System.nanoTime() - t0;
    if (s.nonFinite()) {
      throw new IllegalStateException(s.faultMessage());
    }
    return physicsSteps / (nanos / 1e9);
  }
}
