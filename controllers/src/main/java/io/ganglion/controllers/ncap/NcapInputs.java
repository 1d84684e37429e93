package io.ganglion.controllers.ncap;

import io.ganglion.controllers.fixed.Q16;

/**
 * What the NCAP circuit reads each control step, in Q16.16. Allocated once by the caller and
 * refilled in place every tick (AdvantageKit-style inputs: public mutable fields, not a Java
 * {@code record}, whose final fields would force an allocation per tick).
 */
public final class NcapInputs {

  /** Joint angles in radians, Q16.16, joint 0 (next to the head) first; length = joint count. */
  public final int[] jointAngleQ16;
  /** Speed command in [0, 1] (1 = full speed, 0 = stop); read only with the speed unit. Default 1. */
  public int speedQ16 = Q16.ONE;
  /** Right turn command in [0, 1], excites joint 0's dorsal B-neuron; read only with the turn units. */
  public int turnRightQ16;
  /** Left turn command in [0, 1], excites joint 0's ventral B-neuron; read only with the turn units. */
  public int turnLeftQ16;

  /** Inputs for {@code jointCount} joints, all angles 0, full speed, no turn. */
  public NcapInputs(int jointCount) {
    if (jointCount < 0) {
      throw new IllegalArgumentException("joint count must be >= 0, got " + jointCount);
    }
    this.jointAngleQ16 = new int[jointCount];
  }

  /**
   * Sets the joint angles from radians, rounded to nearest (for tools and tests, not the hot path).
   * NaN becomes 0 ({@link Q16#fromDouble}): a caller that can see NaN checks it first and faults.
   */
  public NcapInputs setJointAnglesRad(double... jointAngleRad) {
    if (jointAngleRad.length != jointAngleQ16.length) {
      throw new IllegalArgumentException("expected " + jointAngleQ16.length + " joint angles, got "
          + jointAngleRad.length);
    }
    for (int i = 0; i < jointAngleRad.length; i++) {
      jointAngleQ16[i] = Q16.fromDouble(jointAngleRad[i]);
    }
    return this;
  }
}
