package io.ganglion.sim.swimmer;

import io.ganglion.controllers.ncap.NcapConfig;
import io.ganglion.controllers.ncap.NcapReference;

/** The double-precision NCAP reference driving the swimmer: for comparisons with the fixed-point law. */
public final class NcapReferenceSwimmerLaw implements SwimmerControlLaw {

  private final NcapReference reference;
  private final double[] angles;

  public NcapReferenceSwimmerLaw(NcapConfig config) {
    reference = new NcapReference(config);
    angles = new double[config.jointCount()];
  }

  @Override
  public String name() {
    return "ncap-double";
  }

  @Override
  public void reset() {
    reference.reset();
  }

  @Override
  public void control(long step, SwimmerState state, double[] ctrlOut) {
    for (int i = 0; i < angles.length; i++) {
      angles[i] = SwimmerSensors.jointAngleRad(state, i);
    }
    reference.step(angles, ctrlOut);
  }
}
