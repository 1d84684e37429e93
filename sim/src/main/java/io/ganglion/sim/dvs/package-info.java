/**
 * The DVS (event camera) simulator: textures ({@link io.ganglion.sim.dvs.NoiseTexture},
 * {@link io.ganglion.sim.dvs.GratingTexture}), their motion and label track
 * ({@link io.ganglion.sim.dvs.MotionClasses}, {@link io.ganglion.sim.dvs.MotionTrack}), the pixel
 * model ({@link io.ganglion.sim.dvs.DvsSimulator}), its event seam
 * ({@link io.ganglion.sim.dvs.SimulatedEventSource}) and labelled movie datasets
 * ({@link io.ganglion.sim.dvs.MotionMovie}, {@link io.ganglion.sim.dvs.MotionDataset}).
 * See docs/dvs-simulator.md.
 */
package io.ganglion.sim.dvs;
