package io.ganglion.sim.swimmer;

/**
 * A controller of the simulated swimmer at the control rate (every 0.03 s): reads the state
 * before the step through {@link SwimmerSensors} and writes one control per hinge. Implementations
 * allocate nothing in {@link #control}.
 */
public interface SwimmerControlLaw {

  /** Short name for summaries, e.g. {@code "ncap"}. */
  String name();

  /** Returns the law to its initial state (called before a run). */
  void reset();

  /**
   * Computes the controls for control step {@code step} (0-based) into {@code ctrlOut}, one value
   * per hinge in [-1, 1].
   */
  void control(long step, SwimmerState state, double[] ctrlOut);
}
