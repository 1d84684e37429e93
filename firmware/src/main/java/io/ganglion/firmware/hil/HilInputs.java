package io.ganglion.firmware.hil;

/**
 * The latest HIL sensor frame on the board, shared by its {@code XxxIOHil} seams: written by the
 * board's HIL loop between scheduler runs, read by the tasks (same thread). Preallocated.
 */
public final class HilInputs {

  final double[] values;
  final int joints;
  int count;
  boolean imu;
  boolean any;
  long frameNanos;

  public HilInputs(int joints, int capacity) {
    this.joints = joints;
    this.values = new double[capacity];
  }

  /** Takes a frame's values (checked against the board's joint count). */
  public void set(double[] src, int n, long frameNanos) {
    imu = HilSensorLayout.check(src, n, joints);
    System.arraycopy(src, 0, values, 0, n);
    count = n;
    any = true;
    this.frameNanos = frameNanos;
  }

  /** True once a frame arrived. */
  public boolean any() {
    return any;
  }
}
