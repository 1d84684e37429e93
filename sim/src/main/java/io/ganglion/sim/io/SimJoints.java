package io.ganglion.sim.io;

/**
 * Joints of a simulated robot as its encoders see them (swimmer hinges, drive wheels). Read by
 * {@link EncoderIOSim}; implementations allocate nothing.
 */
public interface SimJoints {

  /** Number of joints. */
  int jointCount();

  /** Joint position, rad, continuous (not wrapped). */
  double jointPositionRad(int joint);

  /** Joint velocity, rad/s. */
  double jointVelocityRadPerSec(int joint);
}
