package io.ganglion.sim.swimmer;

/**
 * The mutable state of one swimmer (MuJoCo's mjData in spirit): positions, velocities and
 * controls, plus every quantity the stages derive from them and the solver's workspace, all
 * allocated here once so that stepping allocates nothing.
 *
 * <p>{@code qpos = [x, y, yaw, q_0 .. q_{n-2}]} (m, m, rad, rad), {@code qvel} their rates.
 * Derived arrays are indexed by link (0 = head). Spatial vectors are planar and expressed in the
 * world frame at the world origin: motion {@code (w, vx, vy)}, force {@code (n, fx, fy)}.
 */
public final class SwimmerState {

  final SwimmerModel model;

  // --- state ---
  final double[] qpos;
  final double[] qvel;
  final double[] qacc;
  final double[] ctrl;
  double timeS;

  // --- kinematics (per link) ---
  final double[] angleRad;
  final double[] cos;
  final double[] sin;
  final double[] comX;
  final double[] comY;
  /** Front end of each link: the root hinge anchor for the head, the hinge point otherwise. */
  final double[] anchorX;
  final double[] anchorY;
  /** Spatial velocity of each link (w, vx, vy at the origin). */
  final double[] velW;
  final double[] velX;
  final double[] velY;
  /** Velocity-product acceleration of each link's joint (Featherstone's c = v x S qdot). */
  final double[] biasW;
  final double[] biasX;
  final double[] biasY;

  // --- passive forces (per link): spatial fluid force at the origin ---
  final double[] fluidN;
  final double[] fluidX;
  final double[] fluidY;

  // --- joint limits (per hinge) ---
  /** +1 lower limit violated (J = +1), -1 upper limit violated (J = -1), 0 within range. */
  final int[] limitSide;
  final double[] limitD;
  final double[] limitAref;
  final boolean[] limitInCost;

  // --- articulated-body workspace (per link) ---
  final double[] artWW;
  final double[] artWX;
  final double[] artWY;
  final double[] artXX;
  final double[] artXY;
  final double[] artYY;
  final double[] artPW;
  final double[] artPX;
  final double[] artPY;
  final double[] uW;
  final double[] uX;
  final double[] uY;
  final double[] jointInvD;
  final double[] jointU;
  final double[] accW;
  final double[] accX;
  final double[] accY;

  // --- diagnostics ---
  int lastSolverIterations;
  long solverNotConverged;
  long physicsSteps;
  boolean nonFinite;
  long nonFiniteAtStep = -1;
  int nonFiniteDof = -1;

  public SwimmerState(SwimmerModel model) {
    this.model = model;
    int n = model.bodies;
    int nv = model.dofs;
    qpos = new double[nv];
    qvel = new double[nv];
    qacc = new double[nv];
    ctrl = new double[model.joints];
    angleRad = new double[n];
    cos = new double[n];
    sin = new double[n];
    comX = new double[n];
    comY = new double[n];
    anchorX = new double[n];
    anchorY = new double[n];
    velW = new double[n];
    velX = new double[n];
    velY = new double[n];
    biasW = new double[n];
    biasX = new double[n];
    biasY = new double[n];
    fluidN = new double[n];
    fluidX = new double[n];
    fluidY = new double[n];
    limitSide = new int[model.joints];
    limitD = new double[model.joints];
    limitAref = new double[model.joints];
    limitInCost = new boolean[model.joints];
    artWW = new double[n];
    artWX = new double[n];
    artWY = new double[n];
    artXX = new double[n];
    artXY = new double[n];
    artYY = new double[n];
    artPW = new double[n];
    artPX = new double[n];
    artPY = new double[n];
    uW = new double[n];
    uX = new double[n];
    uY = new double[n];
    jointInvD = new double[n];
    jointU = new double[n];
    accW = new double[n];
    accX = new double[n];
    accY = new double[n];
    reset();
  }

  public SwimmerModel model() {
    return model;
  }

  /** Zero positions, velocities and controls (head at the origin, body along +y), time 0, no fault. */
  public void reset() {
    java.util.Arrays.fill(qpos, 0);
    java.util.Arrays.fill(qvel, 0);
    java.util.Arrays.fill(qacc, 0);
    java.util.Arrays.fill(ctrl, 0);
    timeS = 0;
    physicsSteps = 0;
    solverNotConverged = 0;
    lastSolverIterations = 0;
    nonFinite = false;
    nonFiniteAtStep = -1;
    nonFiniteDof = -1;
    SwimmerKinematics.compute(model, this);
  }

  /**
   * dm_control's random initial state: every hinge uniform within its range, the heading uniform
   * in [-pi, pi), position and velocities zero. Deterministic for a seed.
   */
  public void randomize(long seed) {
    reset();
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    qpos[2] = -Math.PI + 2 * Math.PI * random.nextDouble();
    for (int j = 0; j < model.joints; j++) {
      qpos[3 + j] = -model.jointRangeRad + 2 * model.jointRangeRad * random.nextDouble();
    }
    SwimmerKinematics.compute(model, this);
  }

  /** Generalised positions {@code [x, y, yaw, q...]}; writable (call {@link #forward()} after editing). */
  public double[] qpos() {
    return qpos;
  }

  /** Generalised velocities; writable (call {@link #forward()} after editing). */
  public double[] qvel() {
    return qvel;
  }

  /** Generalised accelerations of the last physics step. */
  public double[] qacc() {
    return qacc;
  }

  /** Controls of the hinge motors, clamped to [-1, 1] when applied. */
  public double[] ctrl() {
    return ctrl;
  }

  public double timeS() {
    return timeS;
  }

  /** Recomputes positions and velocities of the links after qpos/qvel were edited. */
  public void forward() {
    SwimmerKinematics.compute(model, this);
  }

  /** Physics steps taken since the last reset. */
  public long physicsSteps() {
    return physicsSteps;
  }

  /** Iterations of the limit solver in the last step (1 when no limit changed its activity). */
  public int lastSolverIterations() {
    return lastSolverIterations;
  }

  /** Steps in which the limit solver hit its iteration cap (its result is still used). */
  public long solverNotConverged() {
    return solverNotConverged;
  }

  /** True when a step produced a non-finite value; the state then holds the last finite step and stepping stops. */
  public boolean nonFinite() {
    return nonFinite;
  }

  /** What went wrong, for an operator; "" while the state is healthy. Allocates: not for hot paths. */
  public String faultMessage() {
    if (!nonFinite) {
      return "";
    }
    String what = nonFiniteDof < 0 ? "a control" : nonFiniteDof < 3 ? new String[] {"x", "y", "yaw"}[nonFiniteDof]
        : "joint " + (nonFiniteDof - 3);
    return "swimmer physics produced a non-finite value in " + what + " at physics step " + nonFiniteAtStep
        + " (t = " + timeS + " s); the state was kept at the last finite step. Check the controls and the model parameters.";
  }

  /** Absolute angle of link {@code k} in the plane, rad. */
  public double linkAngleRad(int k) {
    return angleRad[k];
  }

  /** World x of link {@code k}'s centre of mass, m. */
  public double linkCenterX(int k) {
    return comX[k];
  }

  /** World y of link {@code k}'s centre of mass, m. */
  public double linkCenterY(int k) {
    return comY[k];
  }
}
