package io.ganglion.controllers.motion;

import io.ganglion.controllers.FaultFlags;
import io.ganglion.controllers.fixed.Q16;

/**
 * The {@link MotionDetector}'s output neurons: one per S x S pixel cell and class, in Q16.16,
 * with the per-bin readout (winner-take-all plus margin), the spike output and the per-class
 * activity window. Mutable state, allocation-free after construction.
 *
 * <pre>
 *   V_c(k) = lambda^(k - k_last) V_c(k_last) + sum over the events e of the cell in bin k of E_c(e)
 *   spike (cell centre, end of bin k, c*) when V_c* - max over c != c* of V_c &gt;= margin, c* = argmax V_c
 * </pre>
 *
 * <p>Fixed point: after a readout a neuron's row is shifted down by its maximum (winner 0; no
 * margin changes) and floored at {@link MotionDetector#FLOOR}; the decay is V = floor(V f / 2^16)
 * with f = lambda^n in Q16.16, computed as hi f + floor(lo f / 2^16) for V = hi 2^16 + lo
 * (|hi| &lt;= 2^14, f &lt;= 2^16: no overflow). So V stays in [FLOOR, 0] between bins.
 */
final class OutputNeurons {

  final int classes;
  final int cellsX;
  final int cellSize;
  private final int width;
  private final int height;
  private final int marginQ16;
  private final int[] decayQ16;
  /** V, cell-major: neuron (cell, c) at cell C + c. */
  final int[] v;
  private final int[] view;
  private final long[] lastBin;
  /** Kernel rows added to each neuron in its current bin (the overflow-free bound's counter). */
  final int[] rowsInBin;
  /**
   * Per cell: the count of rows in bin up to which plain int adds cannot wrap, whatever the rows
   * and their order ({@link #rebound}); {@link #binStartRows} at the neuron's first event in a bin.
   * At most Integer.MAX_VALUE - 1, below a saturated row count.
   */
  final int[] plainRowsEnd;
  /**
   * Rows from the start of a bin (V in [FLOOR, 0]) that cannot wrap: 2^30 / max |entry|
   * (unbounded for an all-zero kernel). A neuron with more rows in a bin is clamped before its
   * readout.
   */
  final long safeRows;
  /** {@link #safeRows} as the first {@link #plainRowsEnd} of a bin (0 when plain adds are off). */
  private final int binStartRows;
  /** The largest |kernel entry| (raw), at least 1. */
  private final long maxAbsEntry;
  /** False for the tests' oracle: every event takes the saturating adds. */
  private final boolean plainAdds;
  private final int[] touched;
  private int touchedCount;
  private final int activityBins;
  private final int[] activityCounts;
  final int[] activity;
  final long[] spikeTotals;
  long spikesDroppedTotal;
  long saturations;

  OutputNeurons(MotionGeometry g, int classes, MotionDetectorConfig config, long maxAbsEntry, boolean plainAdds) {
    this.classes = classes;
    this.maxAbsEntry = Math.max(1, maxAbsEntry);
    this.safeRows = maxAbsEntry == 0 ? Long.MAX_VALUE : (1L << 30) / maxAbsEntry;
    this.plainAdds = plainAdds;
    this.binStartRows = plainAdds ? (int) Math.min(Integer.MAX_VALUE - 1, safeRows) : 0;
    this.width = config.widthPx();
    this.height = config.heightPx();
    this.cellSize = g.cellSize();
    this.cellsX = g.cellsAcross(width);
    long cells = (long) cellsX * g.cellsAcross(height);
    if (cells * classes > (1 << 28)) {
      throw new IllegalArgumentException("motion detector: " + width + "x" + height + " px with " + g + " and "
          + classes + " classes needs " + cells * classes + " neuron states (> 2^28); use larger cells");
    }
    // lambda^n in Q16.16 until it rounds to 0
    int n = 1;
    while (n < (1 << 20) && Q16.fromDouble(g.decay(n)) > 0) {
      n++;
    }
    this.decayQ16 = new int[n];
    for (int i = 0; i < n; i++) {
      decayQ16[i] = Q16.fromDouble(g.decay(i));
    }
    this.marginQ16 = config.spikeMarginQ16();
    this.v = new int[(int) cells * classes];
    this.view = new int[classes];
    this.lastBin = new long[(int) cells];
    this.rowsInBin = new int[(int) cells];
    this.plainRowsEnd = new int[(int) cells];
    this.touched = new int[(int) cells];
    this.activityBins = config.activityWindowBins();
    this.activityCounts = new int[activityBins * classes];
    this.activity = new int[classes];
    this.spikeTotals = new long[classes];
    reset();
  }

  int cellCount() {
    return lastBin.length;
  }

  void reset() {
    java.util.Arrays.fill(v, 0);
    java.util.Arrays.fill(lastBin, Long.MIN_VALUE);
    java.util.Arrays.fill(rowsInBin, 0);
    java.util.Arrays.fill(activityCounts, 0);
    java.util.Arrays.fill(activity, 0);
    java.util.Arrays.fill(spikeTotals, 0);
    touchedCount = 0;
    spikesDroppedTotal = 0;
    saturations = 0;
  }

  /**
   * The neuron of {@code cell}, ready for an event of bin {@code bin}: at its first event in the
   * bin it decays by lambda^(bins since its last event) and joins the bin's readout list.
   * Returns the index of its class 0.
   */
  int touch(int cell, long bin) {
    if (lastBin[cell] != bin) {
      startBin(cell, bin); // apart, so that this check stays small enough to inline into the event path
    }
    return cell * classes;
  }

  /** The neuron's first event in bin {@code bin}: decay by lambda^(bins since its last event), join the readout list. */
  private void startBin(int cell, long bin) {
    int base = cell * classes;
    long gap = bin - lastBin[cell];
    int f = gap >= decayQ16.length || gap < 0 ? 0 : decayQ16[(int) gap];
    int[] s = v;
    for (int c = 0; c < classes; c++) {
      int old = s[base + c];
      // floor(old f / 2^16) in int arithmetic: old = hi 2^16 + lo, |hi| <= 2^14, f <= 2^16
      s[base + c] = (old >> 16) * f + (((old & 0xFFFF) * f) >>> 16);
    }
    lastBin[cell] = bin;
    rowsInBin[cell] = 0;
    plainRowsEnd[cell] = binStartRows;
    touched[touchedCount++] = cell;
  }

  /**
   * A new bound for the plain adds of {@code cell}, from its neuron's actual values (all its rows
   * so far added): with V_c in [lo, hi] and every entry |w| &lt;= m, any r more rows added in any
   * order keep every partial sum within [lo - r m, hi + r m], so none wraps while
   *
   * <pre>
   *   r &lt;= min(MAX - hi, lo - MIN) / m
   * </pre>
   *
   * Sets {@link #plainRowsEnd} to {@code rowsSoFar} + that r (at most Integer.MAX_VALUE - 1) and
   * returns it. Within that bound plain adds give what saturating adds give, to the bit.
   */
  int rebound(int cell, int rowsSoFar) {
    if (!plainAdds) {
      plainRowsEnd[cell] = rowsSoFar;
      return rowsSoFar;
    }
    int base = cell * classes;
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int c = 0; c < classes; c++) {
      lo = Math.min(lo, v[base + c]);
      hi = Math.max(hi, v[base + c]);
    }
    long rows = Math.min((long) Integer.MAX_VALUE - hi, (long) lo - Integer.MIN_VALUE) / maxAbsEntry;
    int end = (int) Math.min(Integer.MAX_VALUE - 1, rowsSoFar + rows);
    plainRowsEnd[cell] = end;
    return end;
  }

  /**
   * The readout of bin {@code bin} (ending at {@code binEndUs}): for every neuron that received
   * events in it, WTA and margin, a spike, then the row shifted down by its maximum and floored.
   * Spikes go to activity slot {@code slot}.
   */
  void readout(long bin, long binEndUs, int slot, EvidenceObserver observer, MotionOutputs out) {
    int[] s = v;
    int k = classes;
    for (int i = 0; i < touchedCount; i++) {
      int cell = touched[i];
      int base = cell * k;
      if (rowsInBin[cell] > safeRows) {
        clampRow(base, out);
      }
      // max reductions without a loop-carried min/max pair: best, its first class, then the
      // largest of the others (= best when two classes tie)
      int end = base + k;
      int best = Integer.MIN_VALUE;
      for (int at = base; at < end; at++) {
        best = Math.max(best, s[at]);
      }
      int bestAt = base;
      while (s[bestAt] != best) {
        bestAt++;
      }
      int bestClass = bestAt - base;
      int second = Integer.MIN_VALUE;
      for (int at = base; at < bestAt; at++) {
        second = Math.max(second, s[at]);
      }
      for (int at = bestAt + 1; at < end; at++) {
        second = Math.max(second, s[at]);
      }
      if (observer != null) {
        System.arraycopy(s, base, view, 0, k);
        observer.readout(bin, cell % cellsX, cell / cellsX, view);
      }
      int margin = Q16.sub(best, second);
      if (margin >= marginQ16) {
        emit(cell, binEndUs, bestClass, best, margin, slot, out);
      }
      shiftDown(base, end, best);
    }
    touchedCount = 0;
  }

  /**
   * V = max(V - best, FLOOR) over [base, end), every V &lt;= best, with the saturating subtraction
   * of Q16.sub: when best &gt;= MIN - FLOOR (= -2^30, so best + FLOOR does not wrap), as
   * max(V, best + FLOOR) - best (no overflow: the max is within [best + FLOOR, best]; a V - best
   * below MIN saturated to FLOOR anyway), else (best &lt; -2^30, every V &lt;= best) V - best cannot
   * overflow. Both loops are plain int max and subtract (vectorizable).
   */
  private void shiftDown(int base, int end, int best) {
    int[] s = v;
    int floor = MotionDetector.FLOOR;
    if (best >= Integer.MIN_VALUE - floor) {
      int low = best + floor;
      for (int i = base; i < end; i++) {
        s[i] = Math.max(s[i], low) - best;
      }
    } else {
      for (int i = base; i < end; i++) {
        s[i] = Math.max(s[i] - best, floor);
      }
    }
  }

  /** Moves the activity window from bin {@code from} to bin {@code to}: the slots of (from, to] are emptied. */
  void expireActivity(long from, long to) {
    int expire = (int) Math.min(to - from, activityBins);
    for (int i = 1; i <= expire; i++) {
      int slot = slotOf(from + i) * classes;
      for (int c = 0; c < classes; c++) {
        activity[c] -= activityCounts[slot + c];
        activityCounts[slot + c] = 0;
      }
    }
  }

  int slotOf(long bin) {
    return (int) Math.floorMod(bin, (long) activityBins);
  }

  /** After saturating adds: the row clamped to [-2^30, 2^30] so that the shift cannot overflow. */
  private void clampRow(int base, MotionOutputs out) {
    for (int c = 0; c < classes; c++) {
      int vc = v[base + c];
      if (vc > (1 << 30) || vc < -(1 << 30)) {
        v[base + c] = vc > 0 ? 1 << 30 : -(1 << 30);
        saturations++;
        out.faultFlags |= FaultFlags.INTERNAL_SATURATION;
      }
    }
  }

  private void emit(int cell, long tUs, int cls, int evidenceQ16, int margin, int slot, MotionOutputs out) {
    spikeTotals[cls]++;
    activity[cls]++;
    activityCounts[slot * classes + cls]++;
    int n = out.spikeCount;
    if (n >= out.spikeX.length) {
      out.spikesDropped++;
      spikesDroppedTotal++;
      return;
    }
    out.spikeX[n] = Math.min(width - 1, (cell % cellsX) * cellSize + (cellSize - 1) / 2);
    out.spikeY[n] = Math.min(height - 1, (cell / cellsX) * cellSize + (cellSize - 1) / 2);
    out.spikeTUs[n] = tUs;
    out.spikeClass[n] = cls;
    out.spikeEvidenceQ16[n] = evidenceQ16;
    out.spikeMarginQ16[n] = margin;
    out.spikeCount = n + 1;
  }
}
