package io.ganglion.sim.swimmer;

/**
 * Open-loop travelling wave, as the MuJoCo reference's {@code wave} mode:
 * u_i(t) = sin(2 pi t / T - 2 pi i / n_joints), with T = 1.8 s and t = step * 0.03 s.
 */
public final class WaveLaw implements SwimmerControlLaw {

  private final double periodS;
  private final double controlStepS;

  public WaveLaw(double periodS, double controlStepS) {
    this.periodS = periodS;
    this.controlStepS = controlStepS;
  }

  /** The reference wave: period 1.8 s at the 0.03 s control step. */
  public static WaveLaw reference() {
    return new WaveLaw(1.8, 0.03);
  }

  @Override
  public String name() {
    return "wave";
  }

  @Override
  public void reset() {}

  @Override
  public void control(long step, SwimmerState state, double[] ctrlOut) {
    int joints = ctrlOut.length;
    double t = step * controlStepS;
    for (int i = 0; i < joints; i++) {
      ctrlOut[i] = Math.sin(2 * Math.PI * t / periodS - 2 * Math.PI * i / joints);
    }
  }
}
