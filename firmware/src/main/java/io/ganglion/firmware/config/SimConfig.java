package io.ganglion.firmware.config;

import io.ganglion.sim.diffdrive.DiffDriveConfig;
import io.ganglion.sim.swimmer.SwimmerConfig;

/**
 * The physical model behind {@code ganglion run --mock} and the simulations: the fakes (or the
 * sim-backed IO) follow it, so a mock board behaves like the robot. Exactly one of the two models
 * is set.
 *
 * @param model {@code swimmer} or {@code diffdrive}
 * @param swimmer the swimmer's model (joints = links - 1)
 * @param diffdrive the differential-drive robot's model (joints[0] left wheel, joints[1] right)
 */
public record SimConfig(String model, SwimmerConfig swimmer, DiffDriveConfig diffdrive) {

  /** The models. */
  public static final java.util.List<String> MODELS = java.util.List.of("swimmer", "diffdrive");
}
