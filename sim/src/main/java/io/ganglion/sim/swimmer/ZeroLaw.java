package io.ganglion.sim.swimmer;

/** All controls zero: the passive body (a baseline). */
public final class ZeroLaw implements SwimmerControlLaw {

  @Override
  public String name() {
    return "zero";
  }

  @Override
  public void reset() {}

  @Override
  public void control(long step, SwimmerState state, double[] ctrlOut) {
    java.util.Arrays.fill(ctrlOut, 0.0);
  }
}
