/**
 * The heterogeneous-delay spiking motion detector (Grimaldi and Perrinet 2023, HD-SNN): a layer of
 * direction- and speed-selective neurons with kernels over (polarity, delay, dy, dx), evaluated
 * event by event in Q16.16 fixed point.
 *
 * <p>{@link io.ganglion.controllers.motion.MotionDetector} is the firmware law;
 * {@link io.ganglion.controllers.motion.MotionDetectorReference} its double-precision reference
 * written from the definition, for tests. Both run a {@link
 * io.ganglion.controllers.motion.MotionKernel} (weights) of a {@link
 * io.ganglion.controllers.motion.MotionGeometry} (delays, bin width, kernel radius, output cell, leak). The
 * equations, the choice of geometry and its cost: {@code docs/motion.md}.
 */
package io.ganglion.controllers.motion;
