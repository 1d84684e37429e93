package io.ganglion.firmware.world;

import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.law.LawInputs;
import io.ganglion.sim.swimmer.SwimmerControlLaw;
import io.ganglion.sim.swimmer.SwimmerState;

/**
 * Runs one of the simulator's own swimmer signals ({@code wave}, {@code zero}: open-loop test
 * signals that read the simulation's time, not sensors) as the firmware's law, so that
 * {@code ganglion sim swimmer --controller wave} goes through the same runtime as NCAP.
 */
public final class SwimmerLawAdapter implements ControlLaw {

  private final SwimmerControlLaw law;
  private final SwimmerState state;

  public SwimmerLawAdapter(SwimmerControlLaw law, SwimmerState state) {
    this.law = law;
    this.state = state;
  }

  @Override
  public String name() {
    return law.name();
  }

  @Override
  public int commandCount() {
    return state.model().joints();
  }

  @Override
  public void reset() {
    law.reset();
  }

  @Override
  public int step(LawInputs in, double[] commands) {
    law.control(in.step, state, commands);
    return 0;
  }
}
