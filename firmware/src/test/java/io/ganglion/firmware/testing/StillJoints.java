package io.ganglion.firmware.testing;

import io.ganglion.sim.io.SimJoints;

/** Joints that never move (angle and velocity 0), for tests whose encoders only need to read something. */
public final class StillJoints implements SimJoints {

  private final int count;

  public StillJoints(int count) {
    this.count = count;
  }

  @Override
  public int jointCount() {
    return count;
  }

  @Override
  public double jointPositionRad(int joint) {
    return 0;
  }

  @Override
  public double jointVelocityRadPerSec(int joint) {
    return 0;
  }
}
