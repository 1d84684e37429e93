package io.ganglion.sim.diffdrive;

/**
 * One step of the differential-drive robot (allocation-free, deterministic: StrictMath only):
 *
 * <pre>
 *   wheel i:  target = clamp(command_i, -1, 1) w_max
 *             w_i   += (target - w_i)(1 - exp(-dt / tau))          (first-order motor, exact for a step)
 *             phi_i += w_i dt                                      (wheel angle; the pose uses the same w_i)
 *   body:     v = r (w_L + w_R) / 2,   w = r (w_R - w_L) / b        (unicycle)
 *   pose:     constant v, w over dt (exact arc), with h = w dt / 2:
 *             x += v dt sinc(h) cos(th + h),   y += v dt sinc(h) sin(th + h),   sinc(h) = sin(h)/h, sinc(0) = 1
 *             th += w dt
 * </pre>
 * The pose update is the arc's chord, v/w (sin(th + w dt) - sin th) = v dt sinc(h) cos(th + h)
 * (likewise for y), written without the difference of two sines: that difference cancels when
 * w dt is small next to th (th is unwrapped and grows with every turn), and v/w times it lost most
 * of a step's travel while a turn died away after many turns.
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
    double h = w * dt / 2;
    double chordM = h == 0 ? v * dt : v * dt * (StrictMath.sin(h) / h);
    s.xM += chordM * StrictMath.cos(th + h);
    s.yM += chordM * StrictMath.sin(th + h);
    s.headingRad = th + w * dt;
    s.forwardAccelMps2 = (v - s.vMS) / dt;
    s.vMS = v;
    s.wRadS = w;
    s.pathLengthM += StrictMath.hypot(s.xM - x0, s.yM - y0);
    s.steps++;
  }
}
