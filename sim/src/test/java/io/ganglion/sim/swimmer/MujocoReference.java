package io.ganglion.sim.swimmer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A MuJoCo reference run (test resource {@code /mujoco/NAME.csv}): per control step the state
 * before the step (nose, head yaw, joint angles) and the control then applied for 15 physics steps.
 */
final class MujocoReference {

  final String name;
  final int joints;
  final double[] noseX;
  final double[] noseY;
  final double[] headYaw;
  final double[][] q;
  final double[][] u;

  private MujocoReference(String name, int joints, List<double[]> rows) {
    this.name = name;
    this.joints = joints;
    int n = rows.size();
    noseX = new double[n];
    noseY = new double[n];
    headYaw = new double[n];
    q = new double[n][joints];
    u = new double[n][joints];
    for (int i = 0; i < n; i++) {
      double[] r = rows.get(i);
      noseX[i] = r[2];
      noseY[i] = r[3];
      headYaw[i] = r[4];
      System.arraycopy(r, 5, q[i], 0, joints);
      System.arraycopy(r, 5 + joints, u[i], 0, joints);
    }
  }

  int steps() {
    return noseX.length;
  }

  int bodies() {
    return joints + 1;
  }

  static MujocoReference load(String name) {
    try (InputStream in = MujocoReference.class.getResourceAsStream("/mujoco/" + name + ".csv")) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /mujoco/" + name + ".csv");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String[] header = reader.readLine().split(",");
      int joints = (header.length - 5) / 2;
      List<double[]> rows = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] f = line.split(",");
        double[] r = new double[f.length];
        for (int i = 0; i < f.length; i++) {
          r[i] = Double.parseDouble(f[i]);
        }
        rows.add(r);
      }
      return new MujocoReference(name, joints, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
