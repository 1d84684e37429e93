package io.ganglion.sim.swimmer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes a swimmer run in the MuJoCo reference's CSV columns,
 * {@code step,time,nose_x,nose_y,head_yaw,q0..,u0..}: per control step, the state before the step
 * and the controls then applied. Numbers are fixed-point decimal (time 4 places, the rest 9), as
 * the reference harness prints them, so the two files can be compared column by column.
 */
public final class SwimmerCsvWriter implements SwimmerRecorder {

  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);
  private final int joints;

  public SwimmerCsvWriter(Writer out, int joints) {
    this.out = out;
    this.joints = joints;
    line.append("step,time,nose_x,nose_y,head_yaw");
    for (int i = 0; i < joints; i++) {
      line.append(",q").append(i);
    }
    for (int i = 0; i < joints; i++) {
      line.append(",u").append(i);
    }
    flushLine();
  }

  @Override
  public void record(long step, SwimmerState s, double[] ctrl) {
    line.append(step).append(',');
    appendFixed(line, s.timeS(), 4);
    line.append(',');
    appendFixed(line, SwimmerSensors.noseX(s), 9);
    line.append(',');
    appendFixed(line, SwimmerSensors.noseY(s), 9);
    line.append(',');
    appendFixed(line, SwimmerSensors.headYawRad(s), 9);
    for (int i = 0; i < joints; i++) {
      line.append(',');
      appendFixed(line, SwimmerSensors.jointAngleRad(s, i), 9);
    }
    for (int i = 0; i < joints; i++) {
      line.append(',');
      appendFixed(line, ctrl[i], 9);
    }
    flushLine();
  }

  private void flushLine() {
    line.append('\n');
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    line.setLength(0);
  }

  /** Appends {@code v} with exactly {@code places} decimals, rounded half away from zero, like printf. */
  static void appendFixed(StringBuilder b, double v, int places) {
    long scale = 1;
    for (int i = 0; i < places; i++) {
      scale *= 10;
    }
    if (!(Math.abs(v) < 9e18 / scale)) {
      b.append(String.format(java.util.Locale.ROOT, "%." + places + "f", v));
      return;
    }
    long scaled = Math.round(Math.abs(v) * scale);
    if (v < 0 || (v == 0 && 1 / v < 0)) {
      b.append('-'); // like C's printf, a negative value that rounds to zero keeps its sign
    }
    b.append(scaled / scale).append('.');
    String frac = Long.toString(scaled % scale);
    for (int i = frac.length(); i < places; i++) {
      b.append('0');
    }
    b.append(frac);
  }
}
