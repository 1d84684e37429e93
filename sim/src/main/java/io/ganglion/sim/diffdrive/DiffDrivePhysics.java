package io.ganglion.sim.diffdrive;

/**
 * One step of the differential-drive robot (allocation-free, deterministic: StrictMath only):
 *
 * <pre>
 *   wheel i:  target = clamp(command_i, -1, 1) w_max
 *             w_i   += (target - w_i)(1 - exp(-dt / tau))          (first-order motor, exact for a step)
 *             phi_i += w_i dt                                      (wheel angle; the pose uses the same w_i)
 *   body:     v = r (w_L + w_R) / 2,   w = r (w_R - w_L) / b        (unicycle)
 *   pose:     constant v, w over dt (exact arc):
 *             w != 0:  x += v/w (sin(th + w dt) - sin th),  y -= v/w (cos(th + w dt) - cos th)
 *             w == 0:  x += v cos th dt,                    y += v sin th dt
 *             th += w dt
 * </pre>
 * Non-finite commands count as 0 (no signal).
 */
public final class DiffDrivePhysics {

  private DiffDrivePhysics() {}

  /** Advances {@code s} by one timestep of its config. */
  public static void step(DiffDriveState s) {
    DiffDriveConfig c = s.config;
    double dt = c.timestepS();
    double alpha = 1.0 - StrictMath.exp(-dt / c.motorTimeConstantS());
    for (int i = 0; i < 2; i++) {
      double u = s.wheelCommand[i];
      if (!Double.isFinite(u)) {
        u = 0;
      }
      u = Math.max(-1.0, Math.min(1.0, u));
      double before = s.wheelSpeedRadS[i];
      double after = before + (u * c.maxWheelSpeedRadS() - before) * alpha;
      s.wheelSpeedRadS[i] = after;
      s.wheelAngleRad[i] += after * dt;
    }
    double r = c.wheelRadiusM();
    double v = r * (s.wheelSpeedRadS[0] + s.wheelSpeedRadS[1]) / 2;
    double w = r * (s.wheelSpeedRadS[1] - s.wheelSpeedRadS[0]) / c.trackM();
    double th = s.headingRad;
    double x0 = s.xM;
    double y0 = s.yM;
    if (Math.abs(w) > 1e-12) {
      s.xM += v / w * (StrictMath.sin(th + w * dt) - StrictMath.sin(th));
      s.yM -= v / w * (StrictMath.cos(th + w * dt) - StrictMath.cos(th));
    } else {
      s.xM += v * StrictMath.cos(th) * dt;
      s.yM += v * StrictMath.sin(th) * dt;
    }
    s.headingRad = th + w * dt;
    s.forwardAccelMps2 = (v - s.vMS) / dt;
    s.vMS = v;
    s.wRadS = w;
    s.pathLengthM += StrictMath.hypot(s.xM - x0, s.yM - y0);
    s.steps++;
  }
}
