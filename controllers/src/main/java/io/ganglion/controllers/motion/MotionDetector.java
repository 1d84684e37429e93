package io.ganglion.controllers.motion;

import io.ganglion.controllers.Controller;
import io.ganglion.controllers.FaultFlags;
import io.ganglion.controllers.fixed.Q16;

/**
 * The heterogeneous-delay spiking motion detector (Grimaldi and Perrinet 2023, HD-SNN) in Q16.16
 * fixed point, evaluated event by event where the events are.
 *
 * <p><b>Layer.</b> At each event e = (x, y, t, p) of bin b, the layer's evidence for class c is
 * the paper's causal convolution centred on the event, over the latest event of each pixel and
 * polarity (the time surface T_q(x', y'), the bin of the latest q-event at (x', y'), e included):
 *
 * <pre>
 *   E_c(e) = bias_c + sum over q in {0, 1}, (u, v) in [-R, R]^2 with d = b - T_q(x + u, y + v) &lt; D
 *            of w_c(q xor p, d, v + R, u + R)
 * </pre>
 *
 * The polarity is taken relative to the event's own, so swapping every event's polarity leaves
 * the evidence unchanged (the symmetry the paper gets by running on the swapped events and keeping
 * the max). Cost per event: the K x K x 2 surface reads, 8 per load ({@link NeighbourhoodGather}),
 * plus, for each earlier event found whose row is not empty, that row's non-zero weights in
 * blocks of 4 ({@link CompiledKernel}, {@link MotionDetectorConfig.Storage#SPARSE}): pruning is
 * speed.
 *
 * <p><b>Batched adds.</b> The gather appends the event's blocks, tagged with its neuron row, to a
 * pending list; the list is added in one pass when it holds {@link #PENDING_BATCH} blocks, before
 * any readout (bin end) and before an event whose adds need the saturating path. So the
 * data-dependent loop that adds an event's blocks ends once per batch, not once per event. The
 * result is the same to the bit as adding event by event: these adds are wrapping int additions,
 * which commute, and they are only used where the saturation bound below says they cannot wrap;
 * the neuron state is read only by readouts, which come after the pending adds. The sums that do
 * saturate (the observer's per-event evidence, the checked adds) depend on their order, so they
 * take the event's rows again in the order (dy, dx, polarity) ({@link
 * NeighbourhoodGather#gatherInOrder}), whatever order the fast gather lists them in.
 *
 * <p><b>Output neurons.</b> One per S x S cell and class sums the layer's evidence of the events
 * of its cell, leaking by lambda = exp(-binUs / tau) per bin:
 *
 * <pre>
 *   V_c(k) = lambda V_c(k - 1) + sum over the events e of the cell in bin k of E_c(e)
 * </pre>
 *
 * At the end of each bin, every neuron whose cell received an event in it is read out: the winner
 * c* = argmax V_c spikes (cell centre, end of bin, c*) when V_c* - max over c != c* of V_c &gt;= the
 * configured margin (ties: the lower class). The event's rows are added into its neuron (batched,
 * no per-event evidence vector), so the cost per event is only the rows; the read-out, O(C), is
 * paid once per cell and bin.
 *
 * <p>Fixed point: after a readout the neuron's row is shifted down by its maximum (winner 0; no
 * margin changes) and floored at {@link #FLOOR} (-16384); the decay is V = floor(V f / 2^16) with
 * f = lambda^n in Q16.16. So V stays in [FLOOR, 0] between bins, and within a bin a neuron's sum
 * stays within the int range while its rows x max|w| &lt;= 2^30. Past that, the pending adds are
 * made and the neuron is bounded again from its actual values ({@link OutputNeurons#rebound});
 * only an event past that bound too takes the saturating adds (saturations counted,
 * INTERNAL_SATURATION).
 *
 * <p>Memory: the time surface, 2 (W + 2R) (H + 2R) bytes, and the neurons, ceil(W / S)
 * ceil(H / S) x C ints (640 x 480, R = 2, S = 16, C = 36: 0.6 MB + 0.17 MB).
 *
 * <p>{@link #step} allocates nothing and never throws on data: events outside the sensor, with a
 * time outside [0, 2^62] us or a polarity other than 0/1 are dropped (INPUT_OUT_OF_RANGE); events
 * older than the latest one by more than the tolerance are dropped (INPUT_OUT_OF_ORDER); within
 * the tolerance they are processed at the latest time (counted as clamped). Inputs whose arrays
 * are missing or shorter than {@code count} are ignored (INPUT_SHAPE_MISMATCH).
 */
public final class MotionDetector implements Controller<MotionInputs, MotionOutputs> {

  /** The latest accepted event time, 2^62 us (146,000 years): later times are out of range. */
  public static final long MAX_TIME_US = 1L << 62;
  /** Pending blocks that trigger their adds, in one pass (several events' worth; 4 KB of tags). */
  static final int PENDING_BATCH = 512;
  /** The lowest neuron evidence: -2^30 raw, -16384 in Q16.16. */
  public static final int FLOOR = -(1 << 30);

  private final MotionKernel kernel;
  private final MotionDetectorConfig config;
  private final CompiledKernel compiled;
  private final int classes;
  private final long binUs;
  private final int width;
  private final int height;
  private final int[] cellOfX;
  private final int[] cellRowOfY;

  // State.
  private final TimeSurface surface;
  private final OutputNeurons neurons;
  private final NeighbourhoodGather gather;
  /**
   * The pending adds: the blocks of the live rows of the latest events' neighbourhoods, each
   * tagged with its neuron row ({@code (long) base << 32 | block}), added in one pass per batch.
   */
  private final long[] pending;
  private int pendingCount;
  /**
   * The event's blocks in the order (dy, dx, polarity), for the paths whose sums saturate, so
   * depend on the order: the observer's evidence and the checked adds (rare).
   */
  private final long[] orderedBlocks;
  private final int[] eventEvidence;
  private boolean started;
  private long curBin;
  private long binEndUs;
  private int relBin;
  private long latestTUs;
  private EvidenceObserver observer;
  private long eventsProcessed;
  private long eventsOutOfRange;
  private long eventsOutOfOrder;
  private long eventsClamped;
  private long eventsChecked;

  /** A detector running {@code kernel} on a sensor described by {@code config}. */
  public MotionDetector(MotionKernel kernel, MotionDetectorConfig config) {
    this(kernel, config, true);
  }

  /**
   * The tests' oracle: every event takes the saturating adds, in order, so no bound decides
   * anything but the readout clamp. It gives the same outputs as a detector with plain adds.
   */
  static MotionDetector checkedOnly(MotionKernel kernel, MotionDetectorConfig config) {
    return new MotionDetector(kernel, config, false);
  }

  private MotionDetector(MotionKernel kernel, MotionDetectorConfig config, boolean plainAdds) {
    if (kernel == null || config == null) {
      throw new IllegalArgumentException("motion detector: kernel and config must not be null");
    }
    this.kernel = kernel;
    this.config = config;
    MotionGeometry g = kernel.geometry();
    this.compiled = CompiledKernel.compile(kernel, config.storage() == MotionDetectorConfig.Storage.DENSE);
    this.classes = kernel.classCount();
    this.binUs = g.binUs();
    this.width = config.widthPx();
    this.height = config.heightPx();
    this.surface = new TimeSurface(width, height, g.radius());
    this.neurons = new OutputNeurons(g, classes, config, compiled.maxAbsEntry, plainAdds);
    int cellSize = g.cellSize();
    this.cellOfX = new int[width];
    for (int x = 0; x < width; x++) {
      cellOfX[x] = x / cellSize;
    }
    this.cellRowOfY = new int[height];
    for (int y = 0; y < height; y++) {
      cellRowOfY[y] = (y / cellSize) * neurons.cellsX;
    }
    this.gather = new NeighbourhoodGather(g, compiled, surface.paddedWidth);
    this.pending = new long[PENDING_BATCH + gather.blockListCapacity()];
    this.orderedBlocks = new long[gather.blockListCapacity()];
    this.eventEvidence = new int[classes];
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
    return neurons.cellsX;
  }

  public int cellsY() {
    return neurons.cellCount() / neurons.cellsX;
  }

  /** Kernel entries stored for evaluation (the non-zero ones when sparse, all when dense). */
  public long storedEntries() {
    return compiled.entries;
  }

  /**
   * Events since the reset whose rows took the saturating adds, because their neuron was near
   * the int range (slower: the rows in order, each add checked); the others take plain adds.
   */
  public long checkedEvents() {
    return eventsChecked;
  }

  /** The output neurons (tests). */
  OutputNeurons neurons() {
    return neurons;
  }

  /** Calls {@code o} with the evidence of every event and readout (tests and tools; null to stop). */
  public void setEvidenceObserver(EvidenceObserver o) {
    this.observer = o;
  }

  @Override
  public void reset() {
    surface.reset();
    neurons.reset();
    started = false;
    curBin = 0;
    binEndUs = 0;
    relBin = 0;
    latestTUs = 0;
    eventsProcessed = 0;
    eventsOutOfRange = 0;
    eventsOutOfOrder = 0;
    eventsClamped = 0;
    eventsChecked = 0;
    pendingCount = 0;
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
   * The end of a stream: reads out the current bin as if time had reached its end (later events
   * are then older than the clock). Clears {@code out}'s spikes first.
   */
  public void flush(MotionOutputs out) {
    out.faultFlags = 0;
    out.spikeCount = 0;
    out.spikesDropped = 0;
    if (started) {
      advanceTo(binEndUs, out);
    }
    publish(out);
  }

  /**
   * Processes one event, appending the spikes of any bin it closes to {@code out} (not cleared).
   * Allocation-free. Returns false for an event it drops (out of range, or older than the latest
   * one by more than the tolerance): such an event moves nothing, not even the clock.
   */
  public boolean event(int x, int y, long tUs, int polarity, MotionOutputs out) {
    if (!inRange(x, y, tUs, polarity)) {
      eventsOutOfRange++;
      out.faultFlags |= FaultFlags.INPUT_OUT_OF_RANGE;
      return false;
    }
    if (!started) {
      started = true;
      latestTUs = tUs;
      curBin = tUs / binUs;
      binEndUs = (curBin + 1) * binUs;
      relBin = surface.moveTo(curBin);
    } else if (tUs < latestTUs) {
      if (latestTUs - tUs > config.backwardsToleranceUs()) {
        eventsOutOfOrder++;
        out.faultFlags |= FaultFlags.INPUT_OUT_OF_ORDER;
        return false;
      }
      eventsClamped++;
    } else {
      latestTUs = tUs;
      if (tUs >= binEndUs) {
        moveToBin(tUs / binUs, out);
      }
    }
    eventsProcessed++;
    surface.bins[surface.index(x, y) + polarity] = (byte) relBin;
    int corner = surface.corner(x, y);
    int cell = cellRowOfY[y] + cellOfX[x];
    int base = neurons.touch(cell, curBin);
    int from = pendingCount;
    int n = gather.gather(surface.bins, corner, polarity, relBin, pending, from, (long) base << 32) - from;
    int rows = gather.rowsFound() + 1; // + 1: the self row
    int total = neurons.rowsInBin[cell] + rows;
    if (total < 0) {
      total = Integer.MAX_VALUE; // 2^31 rows in a bin: the count saturates (always checked from here)
    }
    neurons.rowsInBin[cell] = total;
    boolean unchecked = total <= neurons.plainRowsEnd[cell];
    if (!unchecked) {
      // the bound ran out (dense bursts): add the pending blocks (the earlier events', as they came),
      // then bound again from the neuron's values
      addPending();
      System.arraycopy(pending, from, pending, 0, n);
      from = 0;
      unchecked = total <= neurons.rebound(cell, total - rows);
    }
    int ordered = 0;
    if (observer != null || !unchecked) {
      // saturating sums depend on the order: these take the rows in the order (dy, dx, polarity)
      ordered = gather.gatherInOrder(surface.bins, corner, polarity, relBin, orderedBlocks);
    }
    if (observer != null) {
      observeEvent(ordered, x, y);
    }
    if (unchecked) {
      addSelf(base);
      pendingCount = from + n;
      if (pendingCount >= PENDING_BATCH) {
        addPending();
      }
    } else {
      eventsChecked++; // the earlier events' blocks are added (above); this event's are dropped
      addOrdered(ordered, neurons.v, base, out);
    }
    return true;
  }

  /** The self row (with the biases), every event once. */
  private void addSelf(int base) {
    int[] v = neurons.v;
    if (compiled.dense) {
      int[] w = compiled.denseRows;
      for (int k = 0, self = compiled.selfBegin; k < classes; k++) {
        v[base + k] += w[self + k];
      }
    } else {
      int[] p = compiled.blocks;
      for (int j = compiled.selfBegin, end = compiled.selfEnd; j < end; j += 2) {
        v[base + p[j]] += p[j + 1];
      }
    }
  }

  /** Adds the pending blocks, each into its neuron row, and empties the list. */
  private void addPending() {
    int n = pendingCount;
    pendingCount = 0;
    if (compiled.dense) {
      addDense(n);
    } else {
      addSparse(n);
    }
  }

  private void addDense(int n) {
    int[] v = neurons.v;
    int[] w = compiled.denseRows;
    long[] list = pending;
    int c = classes;
    for (int i = 0; i < n; i++) {
      int base = (int) (list[i] >>> 32);
      int row = (int) list[i] * c;
      for (int k = 0; k < c; k++) {
        v[base + k] += w[row + k];
      }
    }
  }

  /** One loop over the blocks, each straight-line (4 pairs; a loop only for kernels with huge rows). */
  private void addSparse(int n) {
    int[] v = neurons.v;
    int[] p = compiled.blocks;
    long[] list = pending;
    int blockInts = 2 * compiled.blockPairs;
    if (blockInts == 8) {
      for (int i = 0; i < n; i++) {
        int base = (int) (list[i] >>> 32);
        int j = (int) list[i] << 3;
        v[base + p[j]] += p[j + 1];
        v[base + p[j + 2]] += p[j + 3];
        v[base + p[j + 4]] += p[j + 5];
        v[base + p[j + 6]] += p[j + 7];
      }
    } else {
      for (int i = 0; i < n; i++) {
        int base = (int) (list[i] >>> 32);
        for (int j = (int) list[i] * blockInts, end = j + blockInts; j < end; j += 2) {
          v[base + p[j]] += p[j + 1];
        }
      }
    }
  }

  /** The event's own evidence, for the observer: its rows summed on their own, as the checked adds sum them. */
  private void observeEvent(int n, int x, int y) {
    int[] e = eventEvidence;
    java.util.Arrays.fill(e, 0);
    addOrdered(n, e, 0, null);
    observer.event(latestTUs, x, y, e);
  }

  /**
   * Saturating adds of the event's rows in the order (dy, dx, polarity), self row first, into
   * {@code dst[at + c]}: the checked adds into its neuron once the rows in this bin could overflow
   * (huge weights or event bursts; saturations counted in {@code out}), and the observer's
   * evidence ({@code out} null: nothing counted).
   */
  private void addOrdered(int n, int[] dst, int at, MotionOutputs out) {
    for (int i = -1; i < n; i++) {
      if (compiled.dense) {
        int row = i < 0 ? compiled.selfBegin : (int) orderedBlocks[i] * classes;
        for (int k = 0; k < classes; k++) {
          dst[at + k] = saturatingAdd(dst[at + k], compiled.denseRows[row + k], out);
        }
      } else {
        int[] p = compiled.blocks;
        for (int j = blockBegin(i), end = blockEnd(i); j < end; j += 2) {
          dst[at + p[j]] = saturatingAdd(dst[at + p[j]], p[j + 1], out);
        }
      }
    }
  }

  /** Sparse: the first int in the blocks of ordered block {@code i} (i = -1: the self row, all its blocks). */
  private int blockBegin(int i) {
    return i < 0 ? compiled.selfBegin : (int) orderedBlocks[i] * 2 * compiled.blockPairs;
  }

  private int blockEnd(int i) {
    return i < 0 ? compiled.selfEnd : ((int) orderedBlocks[i] + 1) * 2 * compiled.blockPairs;
  }

  /** Whether an event is one this detector can take: on the sensor, time in [0, 2^62] us, polarity 0 or 1. */
  public boolean inRange(int x, int y, long tUs, int polarity) {
    return x >= 0 && x < width && y >= 0 && y < height && tUs >= 0 && tUs <= MAX_TIME_US && (polarity & ~1) == 0;
  }

  /** Moves the clock to {@code tUs} (no event), reading out the bin it leaves. */
  public void advanceTo(long tUs, MotionOutputs out) {
    if (!started || tUs <= latestTUs || tUs > MAX_TIME_US) {
      return;
    }
    latestTUs = tUs;
    if (tUs >= binEndUs) {
      moveToBin(tUs / binUs, out);
    }
  }

  /** Reads out the current bin's neurons, then moves the clock (activity window, time surface) to {@code bin}. */
  private void moveToBin(long bin, MotionOutputs out) {
    addPending();
    neurons.readout(curBin, binEndUs, neurons.slotOf(curBin), observer, out);
    neurons.expireActivity(curBin, bin);
    curBin = bin;
    binEndUs = (bin + 1) * binUs;
    relBin = surface.moveTo(bin);
  }

  /**
   * a + v clamped to [MIN, MAX] (what {@link Q16#add} gives); overflow when a and v share a sign
   * that the wrapped sum lacks. Counted as the neuron's saturation unless {@code out} is null.
   */
  private int saturatingAdd(int a, int v, MotionOutputs out) {
    int sum = a + v;
    if (((a ^ sum) & (v ^ sum)) < 0) {
      if (out != null) {
        neurons.saturations++;
        out.faultFlags |= FaultFlags.INTERNAL_SATURATION;
      }
      return a < 0 ? Q16.MIN : Q16.MAX;
    }
    return sum;
  }

  private void publish(MotionOutputs out) {
    System.arraycopy(neurons.activity, 0, out.activity, 0, classes);
    System.arraycopy(neurons.spikeTotals, 0, out.spikeTotals, 0, classes);
    out.eventsProcessed = eventsProcessed;
    out.eventsOutOfRange = eventsOutOfRange;
    out.eventsOutOfOrder = eventsOutOfOrder;
    out.eventsClamped = eventsClamped;
    out.saturations = neurons.saturations;
    out.spikesDroppedTotal = neurons.spikesDroppedTotal;
    out.currentBin = curBin;
  }
}
