package io.ganglion.sim.swimmer;

import io.ganglion.sim.io.SimJoints;

/**
 * The swimmer's hinges as its joint encoders see them ({@code qpos[3 + j]}, {@code qvel[3 + j]}),
 * for {@link io.ganglion.sim.io.EncoderIOSim}.
 */
public final class SwimmerJoints implements SimJoints {

  private final SwimmerState state;

  public SwimmerJoints(SwimmerState state) {
    this.state = state;
  }

  @Override
  public int jointCount() {
    return state.model.joints;
  }

  @Override
  public double jointPositionRad(int joint) {
    return SwimmerSensors.jointAngleRad(state, joint);
  }

  @Override
  public double jointVelocityRadPerSec(int joint) {
    return SwimmerSensors.jointRateRadS(state, joint);
  }
}
