package io.ganglion.sim.swimmer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compares a simulated nose trajectory with a MuJoCo reference run, control step by control step. */
final class NoseComparison {

  final MujocoReference ref;
  double maxErrorFirst100M;
  double maxErrorM;
  double pathM;
  double refPathM;
  double finalErrorM;
  private double lastX = Double.NaN;
  private double lastY;

  NoseComparison(MujocoReference ref) {
    this.ref = ref;
  }

  void record(int t, double x, double y) {
    double e = Math.hypot(x - ref.noseX[t], y - ref.noseY[t]);
    if (t < 100) {
      maxErrorFirst100M = Math.max(maxErrorFirst100M, e);
    }
    maxErrorM = Math.max(maxErrorM, e);
    if (t > 0) {
      pathM += Math.hypot(x - lastX, y - lastY);
      refPathM += Math.hypot(ref.noseX[t] - ref.noseX[t - 1], ref.noseY[t] - ref.noseY[t - 1]);
    }
    lastX = x;
    lastY = y;
    finalErrorM = e;
  }

  double pathRatio() {
    return pathM / refPathM;
  }

  void assertWithinIssueBounds() {
    assertTrue(maxErrorFirst100M <= 0.005, ref.name + ": nose error over the first 100 steps " + maxErrorFirst100M + " m > 5 mm");
    assertTrue(Math.abs(pathRatio() - 1) <= 0.05, ref.name + ": path length ratio " + pathRatio() + " outside 1 +- 5%");
    assertTrue(finalErrorM <= 0.10, ref.name + ": final nose error " + finalErrorM + " m > 10 cm");
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT,
        "max error first 100 steps %.3e m, max error %.3e m, final error %.3e m, path %.4f m vs MuJoCo %.4f m (ratio %.5f)",
        maxErrorFirst100M, maxErrorM, finalErrorM, pathM, refPathM, pathRatio());
  }
}
