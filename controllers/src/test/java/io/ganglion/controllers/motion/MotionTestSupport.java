package io.ganglion.controllers.motion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Small kernels and event streams for the detector tests, all from seeds. */
final class MotionTestSupport {

  private MotionTestSupport() {}

  /** An observer that keeps copies of every event's evidence and every readout, in order. */
  static final class EvidenceLog implements EvidenceObserver {
    final List<int[]> events = new ArrayList<>();
    final List<int[]> readouts = new ArrayList<>();
    /** Every call as a line, in order, with where and when it was: {@code e t x y [evidence]}, {@code r bin cx cy [v]}. */
    final StringBuilder trace = new StringBuilder();

    /** A log observing {@code detector}. */
    static EvidenceLog of(MotionDetector detector) {
      EvidenceLog log = new EvidenceLog();
      detector.setEvidenceObserver(log);
      return log;
    }

    @Override
    public void event(long tUs, int x, int y, int[] evidence) {
      events.add(evidence.clone());
      trace.append("e ").append(tUs).append(' ').append(x).append(' ').append(y).append(' ')
          .append(java.util.Arrays.toString(evidence)).append('\n');
    }

    @Override
    public void readout(long bin, int cellX, int cellY, int[] v) {
      readouts.add(v.clone());
      trace.append("r ").append(bin).append(' ').append(cellX).append(' ').append(cellY).append(' ')
          .append(java.util.Arrays.toString(v)).append('\n');
    }
  }

  static List<MotionClass> classes(int n) {
    List<MotionClass> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(new MotionClass(360.0 * i / n, 0.5));
    }
    return list;
  }

  /** Random double weights in [-scale, scale], a fraction {@code zeros} of them exactly 0. */
  static double[] randomWeights(SplittableRandom rnd, int n, double scale, double zeros) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = rnd.nextDouble() < zeros ? 0.0 : (rnd.nextDouble() * 2 - 1) * scale;
    }
    return w;
  }

  static MotionKernel randomKernel(long seed, MotionGeometry g, int classes) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] w = randomWeights(rnd, g.featureCount() * classes, 1.0, 0.2);
    double[] b = randomWeights(rnd, classes, 0.5, 0.0);
    return MotionKernel.quantize(g, classes(classes), w, b);
  }

  /** A stream of {@code n} events: times increase by 0..maxStepUs, some events slightly backwards. */
  static MotionInputs randomStream(long seed, int n, int width, int height, long maxStepUs, double jitterFraction,
      long jitterUs) {
    SplittableRandom rnd = new SplittableRandom(seed);
    MotionInputs in = new MotionInputs(n);
    long t = 5_000 + rnd.nextLong(3_000);
    for (int i = 0; i < n; i++) {
      t += rnd.nextLong(maxStepUs + 1);
      long ti = t;
      if (rnd.nextDouble() < jitterFraction) {
        ti = Math.max(0, t - rnd.nextLong(jitterUs + 1));
      }
      in.set(i, rnd.nextInt(width), rnd.nextInt(height), ti, rnd.nextBoolean());
    }
    in.count = n;
    return in;
  }

  /** One spike as a comparable row. */
  record SpikeRow(long tUs, int y, int x, int cls) {}

  static final Comparator<SpikeRow> ORDER =
      Comparator.comparingLong(SpikeRow::tUs).thenComparingInt(SpikeRow::y).thenComparingInt(SpikeRow::x);

  static List<SpikeRow> rows(MotionOutputs out, List<SpikeRow> into) {
    for (int i = 0; i < out.spikeCount; i++) {
      into.add(new SpikeRow(out.spikeTUs[i], out.spikeY[i], out.spikeX[i], out.spikeClass[i]));
    }
    return into;
  }

  /** Runs {@code in} through a detector one event per step, then flushes; all spikes, sorted. */
  static List<SpikeRow> run(MotionDetector det, MotionInputs in) {
    List<SpikeRow> rows = new ArrayList<>();
    MotionOutputs out = det.newOutputs();
    MotionInputs one = new MotionInputs(1);
    for (int i = 0; i < in.count; i++) {
      one.set(0, in.x[i], in.y[i], in.tUs[i], in.polarity[i] == 1);
      one.count = 1;
      det.step(one, out);
      rows(out, rows);
    }
    det.flush(out);
    rows(out, rows);
    rows.sort(ORDER);
    return rows;
  }

  static List<SpikeRow> run(MotionDetectorReference ref, MotionInputs in) {
    for (int i = 0; i < in.count; i++) {
      ref.event(in.x[i], in.y[i], in.tUs[i], in.polarity[i]);
    }
    ref.flush();
    List<SpikeRow> rows = new ArrayList<>();
    for (MotionDetectorReference.Spike s : ref.spikes()) {
      rows.add(new SpikeRow(s.tUs(), s.y(), s.x(), s.classIndex()));
    }
    rows.sort(ORDER);
    return rows;
  }
}
