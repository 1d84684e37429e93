package io.ganglion.sim.swimmer;

import io.ganglion.drivers.InvalidInputException;

/**
 * The immutable physics model of the planar N-link swimmer (MuJoCo's mjModel in spirit): built
 * once from a {@link SwimmerConfig}, shared by any number of {@link SwimmerState}s.
 *
 * <p>Geometry (MuJoCo's dm_control swimmer): link 0 is the head; every link's centre of mass is
 * the centre of its box, 0.1 m long along the link's local +y axis. The root joints are a slide
 * along world x, a slide along world y and a hinge about z through the head's front end (local
 * (0, -0.05)); the hinge of link k &gt;= 1 sits at its front end, which is the back end of link k-1.
 * Generalised coordinates: {@code qpos = [x, y, yaw, q_0 .. q_{n-2}]}; the absolute angle of link
 * k is {@code yaw + q_0 + ... + q_{k-1}}. The nose is at local (0, -0.06) of the head.
 */
public final class SwimmerModel {

  /** MuJoCo's mjMINVAL. */
  static final double MIN_VALUE = 1e-15;
  /** MuJoCo's mjMINIMP and mjMAXIMP: the impedance is kept in this range. */
  static final double MIN_IMPEDANCE = 0.0001;
  static final double MAX_IMPEDANCE = 0.9999;

  private final SwimmerConfig config;
  final int bodies;
  final int joints;
  final int dofs;
  final double halfLengthM;
  final double noseOffsetM;
  final double massKg;
  final double inertiaZzKgM2;
  final double armatureKgM2;
  final double gearNm;
  final double timestepS;
  /** Inertia-box drag coefficients: force = -coef |v| v along local x (lateral), local y (axial); torque about z. */
  final double lateralDragCoef;
  final double axialDragCoef;
  final double yawDragCoef;
  final double jointRangeRad;
  /** Reference acceleration gains of the soft limits: aref = -b v - k imp r. */
  final double limitStiffnessK;
  final double limitDampingB;
  final double impedanceMin;
  final double impedanceMax;
  final double impedanceWidthRad;
  final double impedanceMidpoint;
  final double impedancePower;
  /** Diagonal of M^-1 at qpos = 0 for each internal hinge (MuJoCo's dof_invweight0). */
  private final double[] hingeInvWeight0;

  /** The dm_control swimmer with {@code bodies} links. */
  public static SwimmerModel dmControl(int bodies) {
    return new SwimmerModel(SwimmerConfig.dmControl(bodies));
  }

  public SwimmerModel(SwimmerConfig config) {
    validate(config);
    this.config = config;
    bodies = config.bodies();
    joints = bodies - 1;
    dofs = bodies + 2;
    halfLengthM = config.linkLengthM() / 2;
    noseOffsetM = 0.6 * config.linkLengthM();
    massKg = config.linkMassKg();
    double sideX = 2 * config.boxHalfWidthM();
    double sideY = config.linkLengthM();
    double sideZ = 2 * config.boxHalfHeightM();
    // Box inertia about its centre: I_xx = m (y^2 + z^2) / 12, etc. (full side lengths)
    double ixx = massKg * (sideY * sideY + sideZ * sideZ) / 12;
    double iyy = massKg * (sideX * sideX + sideZ * sideZ) / 12;
    double izz = massKg * (sideX * sideX + sideY * sideY) / 12;
    inertiaZzKgM2 = izz;
    // MuJoCo's inertia-box fluid model replaces the body by the box of equal mass and inertia:
    // b_x = sqrt(6 (I_yy + I_zz - I_xx) / m), and cyclically.
    double bx = Math.sqrt(Math.max(MIN_VALUE, iyy + izz - ixx) / massKg * 6.0);
    double by = Math.sqrt(Math.max(MIN_VALUE, ixx + izz - iyy) / massKg * 6.0);
    double bz = Math.sqrt(Math.max(MIN_VALUE, ixx + iyy - izz) / massKg * 6.0);
    double rho = config.fluidDensityKgM3();
    // f_i = -1/2 rho b_j b_k |v_i| v_i ;  g_z = -rho b_z (b_x^4 + b_y^4) |w_z| w_z / 64
    lateralDragCoef = 0.5 * rho * by * bz;
    axialDragCoef = 0.5 * rho * bx * bz;
    yawDragCoef = rho * bz * (bx * bx * bx * bx + by * by * by * by) / 64.0;
    armatureKgM2 = config.armatureKgM2();
    gearNm = config.motorGearNm();
    timestepS = config.timestepS();
    jointRangeRad = config.jointRangeRad();
    impedanceMin = clampImpedance(config.limitImpedanceMin());
    impedanceMax = clampImpedance(config.limitImpedanceMax());
    impedanceWidthRad = config.limitImpedanceWidthRad();
    impedanceMidpoint = config.limitImpedanceMidpoint();
    impedancePower = config.limitImpedancePower();
    // MuJoCo (refsafe): timeconst >= 2 timestep; k = 1 / (dmax^2 tc^2 dr^2), b = 2 / (dmax tc)
    double timeConst = Math.max(config.limitTimeConstS(), 2 * timestepS);
    double dampRatio = config.limitDampRatio();
    limitStiffnessK = 1.0 / (impedanceMax * impedanceMax * timeConst * timeConst * dampRatio * dampRatio);
    limitDampingB = 2.0 / (impedanceMax * timeConst);
    hingeInvWeight0 = new double[joints];
    SwimmerDynamics.inverseMassDiagonalAtRest(this, hingeInvWeight0);
  }

  private static double clampImpedance(double d) {
    return Math.min(MAX_IMPEDANCE, Math.max(MIN_IMPEDANCE, d));
  }

  private static void validate(SwimmerConfig c) {
    if (c.bodies() < SwimmerConfig.MIN_BODIES || c.bodies() > SwimmerConfig.MAX_BODIES) {
      throw new InvalidInputException("swimmer links must be between " + SwimmerConfig.MIN_BODIES + " and "
          + SwimmerConfig.MAX_BODIES + ", got " + c.bodies());
    }
    requirePositive("link length", c.linkLengthM());
    requirePositive("link mass", c.linkMassKg());
    requirePositive("box half width", c.boxHalfWidthM());
    requirePositive("box half height", c.boxHalfHeightM());
    requireNonNegative("fluid density", c.fluidDensityKgM3());
    requireNonNegative("motor gear", c.motorGearNm());
    requireNonNegative("armature", c.armatureKgM2());
    requirePositive("joint range", c.jointRangeRad());
    requirePositive("limit time constant", c.limitTimeConstS());
    requirePositive("limit damping ratio", c.limitDampRatio());
    requirePositive("limit impedance width", c.limitImpedanceWidthRad());
    requirePositive("timestep", c.timestepS());
    if (!(c.limitImpedanceMidpoint() > 0 && c.limitImpedanceMidpoint() < 1)) {
      throw new InvalidInputException("limit impedance midpoint must be in (0, 1), got " + c.limitImpedanceMidpoint());
    }
    if (!(c.limitImpedancePower() >= 1)) {
      throw new InvalidInputException("limit impedance power must be >= 1, got " + c.limitImpedancePower());
    }
  }

  private static void requirePositive(String what, double v) {
    if (!(v > 0) || !Double.isFinite(v)) {
      throw new InvalidInputException("swimmer " + what + " must be a positive finite number, got " + v);
    }
  }

  private static void requireNonNegative(String what, double v) {
    if (!(v >= 0) || !Double.isFinite(v)) {
      throw new InvalidInputException("swimmer " + what + " must be a finite number >= 0, got " + v);
    }
  }

  public SwimmerConfig config() {
    return config;
  }

  /** Number of links. */
  public int bodies() {
    return bodies;
  }

  /** Number of actuated hinges (bodies - 1). */
  public int joints() {
    return joints;
  }

  /** Number of degrees of freedom (bodies + 2: x, y, yaw and the hinges). */
  public int dofs() {
    return dofs;
  }

  public double timestepS() {
    return timestepS;
  }

  public double jointRangeRad() {
    return jointRangeRad;
  }

  public double linkLengthM() {
    return config.linkLengthM();
  }

  /** Diagonal of the inverse mass matrix at rest for hinge {@code joint} (MuJoCo's dof_invweight0). */
  public double hingeInvWeight0(int joint) {
    return hingeInvWeight0[joint];
  }

  /** Drag coefficient of the lateral (local x) axis, N s^2/m^2. */
  public double lateralDragCoef() {
    return lateralDragCoef;
  }

  /** Drag coefficient of the axial (local y) axis, N s^2/m^2. */
  public double axialDragCoef() {
    return axialDragCoef;
  }

  /** Drag coefficient of the yaw rotation, N m s^2. */
  public double yawDragCoef() {
    return yawDragCoef;
  }
}
