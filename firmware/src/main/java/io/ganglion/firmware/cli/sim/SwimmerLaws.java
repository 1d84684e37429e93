package io.ganglion.firmware.cli.sim;

import io.ganglion.controllers.ncap.NcapConfig;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.law.NcapLaw;
import io.ganglion.firmware.world.SwimmerLawAdapter;
import io.ganglion.sim.swimmer.SwimmerState;
import io.ganglion.sim.swimmer.WaveLaw;
import io.ganglion.sim.swimmer.ZeroLaw;

/**
 * The controllers {@code ganglion sim swimmer} can run, by name: {@code ncap} is the firmware's
 * own law (the one a board runs); {@code wave} and {@code zero} are the simulator's open-loop
 * signals, run as the firmware's law.
 */
final class SwimmerLaws {

  private SwimmerLaws() {}

  static ControlLaw create(String name, SwimmerState state, double[] ncapWeights) {
    int joints = state.model().joints();
    switch (name) {
      case "ncap":
        double[] w = ncapWeights == null ? new double[] {1, 1, 1, -1} : ncapWeights;
        return new NcapLaw(NcapConfig.shared(joints, w[0], w[1], w[2], w[3]));
      case "wave":
        return new SwimmerLawAdapter(WaveLaw.reference(), state);
      case "zero":
        return new SwimmerLawAdapter(new ZeroLaw(), state);
      default:
        throw new InvalidInputException("--controller must be one of ncap, wave, zero; got '" + name + "'");
    }
  }
}
