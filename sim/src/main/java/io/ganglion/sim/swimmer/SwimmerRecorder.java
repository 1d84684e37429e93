package io.ganglion.sim.swimmer;

/** Receives every control step of a {@link SwimmerRun}: the state before the step and the controls then applied. */
@FunctionalInterface
public interface SwimmerRecorder {

  void record(long step, SwimmerState stateBefore, double[] ctrl);
}
