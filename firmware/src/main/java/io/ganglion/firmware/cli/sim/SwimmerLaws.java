package io.ganglion.firmware.cli.sim;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.sim.swimmer.NcapSwimmerLaw;
import io.ganglion.sim.swimmer.SwimmerControlLaw;
import io.ganglion.sim.swimmer.WaveLaw;
import io.ganglion.sim.swimmer.ZeroLaw;

/** The controllers {@code ganglion sim swimmer} can run, by name. */
final class SwimmerLaws {

  private SwimmerLaws() {}

  static SwimmerControlLaw create(String name, int joints, double[] ncapWeights) {
    switch (name) {
      case "ncap":
        double[] w = ncapWeights == null ? new double[] {1, 1, 1, -1} : ncapWeights;
        return NcapSwimmerLaw.shared(joints, w[0], w[1], w[2], w[3]);
      case "wave":
        return WaveLaw.reference();
      case "zero":
        return new ZeroLaw();
      default:
        throw new InvalidInputException("--controller must be one of ncap, wave, zero; got '" + name + "'");
    }
  }
}
