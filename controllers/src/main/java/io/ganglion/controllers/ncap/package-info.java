/**
 * NCAP, the C. elegans-prior swimmer circuit (Bhattasali, Zador and Engel, NeurIPS 2022): a head
 * oscillator, proprioceptive B-neurons and antagonistic muscles per joint, with sign-constrained
 * weights (4 shared, 6 with the speed and turn units, or 6 per joint unshared).
 *
 * <p>{@link io.ganglion.controllers.ncap.NcapCircuit} is the firmware law in Q16.16 fixed point;
 * {@link io.ganglion.controllers.ncap.NcapReference} is its double-precision reference for tests
 * and tools. Both are configured by one immutable {@link io.ganglion.controllers.ncap.NcapConfig}.
 * Equations, weight layouts and the error bound: {@code docs/ncap.md}.
 */
package io.ganglion.controllers.ncap;
