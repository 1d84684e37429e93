package io.ganglion.controllers.ncap;

import io.ganglion.controllers.ControllerOutputs;

/** What the NCAP circuit writes each control step: one motor action per joint, Q16.16 in [-1, 1]. */
public final class NcapOutputs extends ControllerOutputs {

  /** action_i = muscle_d - muscle_v in [-1, 1], Q16.16, joint 0 first; all 0 after a shape fault. */
  public final int[] actionQ16;

  /** Outputs for {@code jointCount} joints, all 0. */
  public NcapOutputs(int jointCount) {
    if (jointCount < 0) {
      throw new IllegalArgumentException("joint count must be >= 0, got " + jointCount);
    }
    this.actionQ16 = new int[jointCount];
  }
}
