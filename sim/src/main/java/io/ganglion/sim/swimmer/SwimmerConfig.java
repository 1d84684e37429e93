package io.ganglion.sim.swimmer;

/**
 * Parameters of the N-link planar swimmer. {@link #dmControl(int)} gives the DeepMind Control
 * Suite swimmer (the model of {@code swimmerN.xml} in the MuJoCo reference runs); the other
 * fields exist so that experiments can vary the body or the fluid.
 *
 * @param bodies number of links, 3..50 (one head plus bodies-1 segments, bodies-1 actuated hinges)
 * @param linkLengthM distance between consecutive joints (and length of each link's box), m
 * @param linkMassKg mass of each link, kg
 * @param boxHalfWidthM half-size of each link's box across the body (local x), m
 * @param boxHalfHeightM half-size of each link's box out of the plane (local z), m
 * @param fluidDensityKgM3 fluid density for MuJoCo's inertia-box drag, kg/m^3
 * @param motorGearNm torque per unit of control, N m
 * @param armatureKgM2 armature (rotor inertia) added to each internal hinge, kg m^2
 * @param jointRangeRad symmetric limit of each internal hinge, rad
 * @param limitTimeConstS MuJoCo solref[0] of the joint limits, s
 * @param limitDampRatio MuJoCo solref[1] of the joint limits
 * @param limitImpedanceMin MuJoCo solimp[0] (dmin)
 * @param limitImpedanceMax MuJoCo solimp[1] (dmax)
 * @param limitImpedanceWidthRad MuJoCo solimp[2] (width), rad
 * @param limitImpedanceMidpoint MuJoCo solimp[3] (midpoint)
 * @param limitImpedancePower MuJoCo solimp[4] (power)
 * @param timestepS physics step, s
 */
public record SwimmerConfig(
    int bodies,
    double linkLengthM,
    double linkMassKg,
    double boxHalfWidthM,
    double boxHalfHeightM,
    double fluidDensityKgM3,
    double motorGearNm,
    double armatureKgM2,
    double jointRangeRad,
    double limitTimeConstS,
    double limitDampRatio,
    double limitImpedanceMin,
    double limitImpedanceMax,
    double limitImpedanceWidthRad,
    double limitImpedanceMidpoint,
    double limitImpedancePower,
    double timestepS) {

  /** Smallest supported number of links. */
  public static final int MIN_BODIES = 3;
  /** Largest supported number of links. */
  public static final int MAX_BODIES = 50;

  /**
   * The dm_control swimmer with {@code bodies} links: 0.1 m links of 0.01 kg boxes
   * (half-sizes 0.001 x 0.05 x 0.01 m), fluid density 3000, gear 5e-4, armature 1e-6, joint range
   * +-360/bodies degrees with solref (0.05, 1) and solimp (0, 0.8, 0.1, 0.5, 2), step 0.002 s.
   */
  public static SwimmerConfig dmControl(int bodies) {
    return new SwimmerConfig(
        bodies, 0.1, 0.01, 0.001, 0.01, 3000.0, 5e-4, 1e-6,
        // MJCF range="-360/n 360/n" in degrees, converted by MuJoCo's compiler as deg * (pi / 180)
        (360.0 / bodies) * (Math.PI / 180.0),
        0.05, 1.0, 0.0, 0.8, 0.1, 0.5, 2.0, 0.002);
  }

  /** Number of actuated hinges, bodies - 1. */
  public int joints() {
    return bodies - 1;
  }

  /** A copy with another number of links (the joint range is kept). */
  public SwimmerConfig withBodies(int n) {
    return new SwimmerConfig(n, linkLengthM, linkMassKg, boxHalfWidthM, boxHalfHeightM, fluidDensityKgM3,
        motorGearNm, armatureKgM2, jointRangeRad, limitTimeConstS, limitDampRatio, limitImpedanceMin,
        limitImpedanceMax, limitImpedanceWidthRad, limitImpedanceMidpoint, limitImpedancePower, timestepS);
  }
}
