package io.ganglion.controllers.motion;

import io.ganglion.controllers.Controller;
import io.ganglion.controllers.FaultFlags;
import io.ganglion.controllers.fixed.Q16;

/**
 * The heterogeneous-delay spiking motion detector (Grimaldi and Perrinet 2023, HD-SNN) in Q16.16
 * fixed point, evaluated event by event.
 *
 * <p>Output neuron (X, Y) of class c has evidence at the end of bin k
 *
 * <pre>
 *   A_c = sum over events e in bins k-D+1..k in its window of w_c(p_e,     k - b_e, dy_e, dx_e)
 *   B_c = same with the polarity swapped:                    w_c(1 - p_e, k - b_e, dy_e, dx_e)
 *   E_c = max(A_c, B_c) + bias_c
 * </pre>
 *
 * (the paper's "run on the events and on the polarity-swapped events and keep the max", done in
 * one pass with 2C channels). It is read out once per bin, when time passes the bin's end: the
 * winner c* = argmax E_c spikes (x, y, t, c*) when E_c* - max over c != c* of E_c &gt;= the
 * configured margin. Only neurons whose window received an event in the last D bins are read.
 *
 * <p>Event-driven: an event of bin b adds its kernel slice (the weights for its polarity and
 * position in each covering window, for every delay d) into a ring of future evidence, at slot
 * (b + d) mod D. Cost per event = non-zero weights of the slices it touches; zero weights are not
 * stored ({@link MotionDetectorConfig.Storage#SPARSE}), so pruning is speed. Memory: a ring of
 * cells x D x 2C ints (640 x 480 at stride 16, 16 delays, 36 classes: 5.5 MB).
 *
 * <p>Sums saturate at the Q16.16 limits (counted in {@code saturations}, flag
 * INTERNAL_SATURATION). {@link #step} allocates nothing and never throws on data: events outside
 * the sensor, with a time outside [0, 2^62] us or a polarity other than 0/1 are dropped (INPUT_OUT_OF_RANGE);
 * events older than the latest one by more than the tolerance are dropped (INPUT_OUT_OF_ORDER);
 * within the tolerance they are processed at the latest time (counted as clamped). Inputs whose
 * arrays are missing or shorter than {@code count} are ignored (INPUT_SHAPE_MISMATCH).
 */
public final class MotionDetector implements Controller<MotionInputs, MotionOutputs> {

  /** The latest accepted event time, 2^62 us (146,000 years): later times are out of range. */
  public static final long MAX_TIME_US = 1L << 62;

  private final MotionKernel kernel;
  private final MotionDetectorConfig config;
  private final CompiledKernel compiled;
  private final int classes;
  private final int channels;
  private final int delays;
  private final long binUs;
  private final int width;
  private final int height;
  private final int kernelSize;
  private final AxisCells xs;
  private final AxisCells ys;
  private final int cellsX;
  private final int cellCount;
  private final int[] biasQ16;
  private final int marginQ16;
  private final int[] centreX;
  private final int[] centreY;

  // State.
  private final EvidenceRing ring;
  private final int[] active;
  private final boolean[] isActive;
  private final long[] lastBin;
  private int activeCount;
  private boolean started;
  private long curBin;
  private long binEndUs;
  private long latestTUs;
  private final int[] windowBinCount;
  private final int[] windowCount;
  private final int safeEvents;
  private final int activityBins;
  private final int[] activityCounts;
  private final int[] activity;
  private final long[] spikeTotals;
  private final int[] evidence;
  private EvidenceObserver observer;
  private long eventsProcessed;
  private long eventsOutOfRange;
  private long eventsOutOfOrder;
  private long eventsClamped;
  private long spikesDroppedTotal;

  /** A detector running {@code kernel} on a sensor described by {@code config}. */
  public MotionDetector(MotionKernel kernel, MotionDetectorConfig config) {
    if (kernel == null || config == null) {
      throw new IllegalArgumentException("motion detector: kernel and config must not be null");
    }
    this.kernel = kernel;
    this.config = config;
    MotionGeometry g = kernel.geometry();
    this.compiled = CompiledKernel.compile(kernel, config.storage() == MotionDetectorConfig.Storage.DENSE);
    this.classes = kernel.classCount();
    this.channels = 2 * classes;
    this.delays = g.delays();
    this.binUs = g.binUs();
    this.kernelSize = g.kernelSize();
    this.width = config.widthPx();
    this.height = config.heightPx();
    this.xs = new AxisCells(g, width);
    this.ys = new AxisCells(g, height);
    this.cellsX = xs.cells;
    long cells = (long) xs.cells * ys.cells;
    long ringSize = cells * delays * channels;
    if (ringSize > (1 << 28)) {
      throw new IllegalArgumentException("motion detector: " + width + "x" + height + " px with " + g + " and "
          + classes + " classes needs " + ringSize + " evidence cells (> 2^28); use a larger stride or fewer delays");
    }
    this.cellCount = (int) cells;
    this.biasQ16 = kernel.biasesQ16();
    this.marginQ16 = config.spikeMarginQ16();
    this.centreX = new int[xs.cells];
    this.centreY = new int[ys.cells];
    for (int i = 0; i < xs.cells; i++) {
      centreX[i] = Math.min(width - 1, Math.max(0, g.cellCentre(i)));
    }
    for (int i = 0; i < ys.cells; i++) {
      centreY[i] = Math.min(height - 1, Math.max(0, g.cellCentre(i)));
    }
    this.ring = new EvidenceRing(compiled, cellCount);
    this.active = new int[cellCount];
    this.isActive = new boolean[cellCount];
    this.lastBin = new long[cellCount];
    this.windowBinCount = new int[cellCount * delays];
    this.windowCount = new int[cellCount];
    this.safeEvents = compiled.maxAbsWeight == 0 ? Integer.MAX_VALUE
        : (int) Math.min(Integer.MAX_VALUE, Integer.MAX_VALUE / compiled.maxAbsWeight);
    this.activityBins = config.activityWindowBins();
    this.activityCounts = new int[activityBins * classes];
    this.activity = new int[classes];
    this.spikeTotals = new long[classes];
    this.evidence = new int[classes];
    reset();
  }

  /** Outputs sized for this detector. */
  public MotionOutputs newOutputs() {
    return new MotionOutputs(classes, config.spikeCapacity());
  }

  public MotionKernel kernel() {
    return kernel;
  }

  public MotionDetectorConfig config() {
    return config;
  }

  /** Output cells across and down the sensor. */
  public int cellsX() {
    return xs.cells;
  }

  public int cellsY() {
    return ys.cells;
  }

  /** Kernel entries stored for evaluation (2 per non-zero weight when sparse: direct and swapped track). */
  public long storedEntries() {
    return compiled.entries;
  }

  /** Calls {@code o} with every neuron's evidence at each readout (tests and tools; null to stop). */
  public void setEvidenceObserver(EvidenceObserver o) {
    this.observer = o;
  }

  @Override
  public void reset() {
    ring.reset();
    java.util.Arrays.fill(isActive, false);
    java.util.Arrays.fill(lastBin, Long.MIN_VALUE);
    java.util.Arrays.fill(activityCounts, 0);
    java.util.Arrays.fill(activity, 0);
    java.util.Arrays.fill(spikeTotals, 0);
    activeCount = 0;
    started = false;
    curBin = 0;
    binEndUs = binUs;
    latestTUs = 0;
    eventsProcessed = 0;
    eventsOutOfRange = 0;
    eventsOutOfOrder = 0;
    eventsClamped = 0;
    spikesDroppedTotal = 0;
  }

  @Override
  public void step(MotionInputs in, MotionOutputs out) {
    out.faultFlags = 0;
    out.spikeCount = 0;
    out.spikesDropped = 0;
    int n = in.count;
    if (in.x == null || in.y == null || in.tUs == null || in.polarity == null || n < 0 || n > in.x.length
        || n > in.y.length || n > in.tUs.length || n > in.polarity.length) {
      out.faultFlags |= FaultFlags.INPUT_SHAPE_MISMATCH;
      n = 0;
    }
    int[] x = in.x;
    int[] y = in.y;
    long[] t = in.tUs;
    byte[] p = in.polarity;
    for (int i = 0; i < n; i++) {
      event(x[i], y[i], t[i], p[i], out);
    }
    if (in.advanceToUs != MotionInputs.NO_ADVANCE) {
      advanceTo(in.advanceToUs, out);
    }
    publish(out);
  }

  /**
   * Reads out every bin still holding evidence (the next D bins), as if time had moved D bins past
   * the latest event: call at the end of a stream. Clears {@code out}'s spikes first.
   */
  public void flush(MotionOutputs out) {
    out.faultFlags = 0;
    out.spikeCount = 0;
    out.spikesDropped = 0;
    if (started) {
      advanceBins(curBin + delays, out);
    }
    publish(out);
  }

  /** Processes one event, appending spikes to {@code out} (not cleared). Allocation-free. */
  public void event(int x, int y, long tUs, int polarity, MotionOutputs out) {
    if (x < 0 || x >= width || y < 0 || y >= height || tUs < 0 || tUs > MAX_TIME_US || (polarity & ~1) != 0) {
      eventsOutOfRange++;
      out.faultFlags |= FaultFlags.INPUT_OUT_OF_RANGE;
      return;
    }
    if (!started) {
      started = true;
      latestTUs = tUs;
      curBin = tUs / binUs;
      binEndUs = (curBin + 1) * binUs;
      ring.setHead(curBin);
    } else if (tUs < latestTUs) {
      if (latestTUs - tUs > config.backwardsToleranceUs()) {
        eventsOutOfOrder++;
        out.faultFlags |= FaultFlags.INPUT_OUT_OF_ORDER;
        return;
      }
      eventsClamped++;
    } else {
      latestTUs = tUs;
      if (tUs >= binEndUs) {
        advanceBins(tUs / binUs, out);
      }
    }
    eventsProcessed++;
    int xi = x * xs.perPixel;
    int yi = y * ys.perPixel;
    int nx = xs.count[x];
    int ny = ys.count[y];
    for (int j = 0; j < ny; j++) {
      int cy = ys.cell[yi + j];
      int dy = ys.offset[yi + j];
      for (int i = 0; i < nx; i++) {
        int cell = cy * cellsX + xs.cell[xi + i];
        boolean unchecked = touch(cell) <= safeEvents;
        ring.add(cell, ((polarity * kernelSize) + dy) * kernelSize + xs.offset[xi + i], unchecked, out);
      }
    }
  }

  /** Moves the clock to {@code tUs} (no event), reading out every bin that ends at or before it. */
  public void advanceTo(long tUs, MotionOutputs out) {
    if (!started || tUs <= latestTUs || tUs > MAX_TIME_US) {
      return;
    }
    latestTUs = tUs;
    if (tUs >= binEndUs) {
      advanceBins(tUs / binUs, out);
    }
  }

  /**
   * Marks the neuron active in the current bin and counts the event in its window; returns the
   * events it received in bins curBin - D + 1 .. curBin. Every evidence value of the neuron that is
   * still to be read is a sum of at most that many weights, so while count x max|w| &lt;= 2^31 - 1
   * no sum can overflow and the adds need no saturation check.
   */
  private int touch(int cell) {
    int base = cell * delays;
    if (!isActive[cell]) {
      isActive[cell] = true;
      active[activeCount++] = cell;
      java.util.Arrays.fill(windowBinCount, base, base + delays, 0);
      windowCount[cell] = 0;
    } else if (lastBin[cell] != curBin) {
      // Active, so lastBin > curBin - D: expire bins lastBin + 1 .. curBin (their slots hold bins D earlier).
      int gap = (int) (curBin - lastBin[cell]);
      int slot = (int) Math.floorMod(lastBin[cell], (long) delays);
      for (int i = 0; i < gap; i++) {
        slot = slot + 1 == delays ? 0 : slot + 1;
        windowCount[cell] -= windowBinCount[base + slot];
        windowBinCount[base + slot] = 0;
      }
    }
    lastBin[cell] = curBin;
    windowBinCount[base + ring.headSlot()]++;
    return ++windowCount[cell];
  }

  /** Reads out bins curBin .. newBin - 1 (at most D of them hold evidence) and moves to newBin. */
  private void advanceBins(long newBin, MotionOutputs out) {
    ring.drain(out);
    long steps = newBin - curBin;
    int reads = (int) Math.min(steps, delays);
    for (int i = 0; i < reads; i++) {
      readout(curBin + i, out);
    }
    // Bins past the last read hold no evidence: only the activity window moves through them.
    long quiet = steps - reads;
    int expire = (int) Math.min(quiet, activityBins);
    for (int i = 0; i < expire; i++) {
      expireActivity(curBin + reads + i);
    }
    curBin = newBin;
    binEndUs = (newBin + 1) * binUs;
    ring.setHead(newBin);
  }

  private void expireActivity(long bin) {
    int base = (int) Math.floorMod(bin, (long) activityBins) * classes;
    for (int c = 0; c < classes; c++) {
      activity[c] -= activityCounts[base + c];
      activityCounts[base + c] = 0;
    }
  }

  /** Reads out bin k: every active neuron's evidence, WTA + margin, then clears the slot. */
  private void readout(long k, MotionOutputs out) {
    expireActivity(k);
    int actBase = (int) Math.floorMod(k, (long) activityBins) * classes;
    int slot = (int) Math.floorMod(k, (long) delays);
    long tEnd = (k + 1) * binUs;
    long oldest = k - delays + 1; // a neuron last touched in bin oldest is done after this readout
    int[] r = ring.values();
    int keep = 0;
    for (int i = 0; i < activeCount; i++) {
      int cell = active[i];
      int base = ring.base(cell, slot);
      int best = Integer.MIN_VALUE;
      int second = Integer.MIN_VALUE;
      int bestClass = 0;
      for (int c = 0; c < classes; c++) {
        int a = r[base + c];
        int b = r[base + classes + c];
        int e = Q16.add(a >= b ? a : b, biasQ16[c]);
        evidence[c] = e;
        if (e > best) {
          second = best;
          best = e;
          bestClass = c;
        } else if (e > second) {
          second = e;
        }
      }
      java.util.Arrays.fill(r, base, base + channels, 0);
      if (observer != null) {
        observer.evidence(k, cell % cellsX, cell / cellsX, evidence);
      }
      int margin = Q16.sub(best, second);
      if (margin >= marginQ16) {
        emit(cell, tEnd, bestClass, best, margin, actBase, out);
      }
      if (lastBin[cell] > oldest) {
        active[keep++] = cell;
      } else {
        isActive[cell] = false;
      }
    }
    activeCount = keep;
  }

  private void emit(int cell, long tUs, int cls, int evidenceQ16, int margin, int actBase, MotionOutputs out) {
    spikeTotals[cls]++;
    activity[cls]++;
    activityCounts[actBase + cls]++;
    int n = out.spikeCount;
    if (n >= out.spikeX.length) {
      out.spikesDropped++;
      spikesDroppedTotal++;
      return;
    }
    out.spikeX[n] = centreX[cell % cellsX];
    out.spikeY[n] = centreY[cell / cellsX];
    out.spikeTUs[n] = tUs;
    out.spikeClass[n] = cls;
    out.spikeEvidenceQ16[n] = evidenceQ16;
    out.spikeMarginQ16[n] = margin;
    out.spikeCount = n + 1;
  }

  private void publish(MotionOutputs out) {
    System.arraycopy(activity, 0, out.activity, 0, classes);
    System.arraycopy(spikeTotals, 0, out.spikeTotals, 0, classes);
    out.eventsProcessed = eventsProcessed;
    out.eventsOutOfRange = eventsOutOfRange;
    out.eventsOutOfOrder = eventsOutOfOrder;
    out.eventsClamped = eventsClamped;
    out.saturations = ring.saturations;
    out.spikesDroppedTotal = spikesDroppedTotal;
    out.currentBin = curBin;
  }
}
