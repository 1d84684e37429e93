package io.ganglion.controllers.ncap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A MuJoCo reference run from test resources ({@code mujoco/ncapN.csv}, made by
 * tools/mujoco-ref/swimref.c): per control step the joint angles q before the step and the control
 * u that MuJoCo's NCAP computed from them.
 */
final class MujocoNcapRun {

  final String name;
  final int jointCount;
  final long[] step;
  final double[][] jointAngleRad;
  final double[][] control;

  private MujocoNcapRun(String name, int jointCount, List<long[]> steps, List<double[]> q, List<double[]> u) {
    this.name = name;
    this.jointCount = jointCount;
    this.step = new long[steps.size()];
    for (int r = 0; r < step.length; r++) {
      step[r] = steps.get(r)[0];
    }
    this.jointAngleRad = q.toArray(new double[0][]);
    this.control = u.toArray(new double[0][]);
  }

  int rows() {
    return step.length;
  }

  /** Reads {@code /mujoco/<name>} from the test class path; columns step,time,nose_x,nose_y,head_yaw,q0..,u0... */
  static MujocoNcapRun load(String name) {
    String resource = "/mujoco/" + name;
    try (InputStream in = MujocoNcapRun.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + resource + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String[] header = reader.readLine().split(",");
      int firstQ = indexOf(header, "q0");
      int firstU = indexOf(header, "u0");
      int joints = firstU - firstQ;
      if (!"step".equals(header[0]) || joints < 1 || header.length != firstU + joints) {
        throw new IllegalStateException(resource + ": unexpected header " + String.join(",", header));
      }
      List<long[]> steps = new ArrayList<>();
      List<double[]> q = new ArrayList<>();
      List<double[]> u = new ArrayList<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        if (f.length != header.length) {
          throw new IllegalStateException(resource + ": row " + steps.size() + " has " + f.length + " fields");
        }
        steps.add(new long[] {Long.parseLong(f[0])});
        double[] qRow = new double[joints];
        double[] uRow = new double[joints];
        for (int i = 0; i < joints; i++) {
          qRow[i] = Double.parseDouble(f[firstQ + i]);
          uRow[i] = Double.parseDouble(f[firstU + i]);
        }
        q.add(qRow);
        u.add(uRow);
      }
      return new MujocoNcapRun(name, joints, steps, q, u);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(String[] header, String column) {
    for (int k = 0; k < header.length; k++) {
      if (header[k].equals(column)) {
        return k;
      }
    }
    throw new IllegalStateException("column " + column + " missing");
  }
}
