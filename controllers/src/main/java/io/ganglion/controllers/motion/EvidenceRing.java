package io.ganglion.controllers.motion;

import io.ganglion.controllers.FaultFlags;
import io.ganglion.controllers.fixed.Q16;

/**
 * The future evidence of every neuron: for cell n, slot s (the bin b with b mod D = s) and
 * channel ch (2C: direct then polarity-swapped, per class), the Q16.16 sum at
 * {@code ring[(n D + s) 2C + ch]}. An event's kernel slice is added at slot (curBin + d) mod D
 * for each delay d; the detector reads and clears a slot when its bin ends.
 *
 * <p>Adds are batched: {@link #add} queues (cell, slice) pairs of the current bin and
 * {@link #drain} applies them sorted by cell (an LSD radix sort on the cell index), so the events
 * of one cell meet its 2C x D ints while they are in cache; the detector drains before every
 * readout. Integer addition commutes, so the sums are exactly those of event order. The one
 * exception is saturation, which depends on order: a batch holding any add that might overflow
 * (see {@link MotionDetector}) is applied in event order with checked adds, as unbatched.
 */
final class EvidenceRing {

  /** Queued (cell, slice) pairs per batch. */
  static final int BATCH = 16384;

  private final CompiledKernel k;
  private final int delays;
  private final int channels;
  private final int[] ring;
  private final int[] slotOffset;
  private final int block;
  private int headOffset;
  private final int[] pendingCell = new int[BATCH];
  private final int[] pendingSlice = new int[BATCH];
  private final int[] sortedCell = new int[BATCH];
  private final int[] sortedSlice = new int[BATCH];
  private final int[] bucketStart;
  private int pending;
  private boolean pendingUnchecked = true;
  private int headSlot;
  long saturations;

  EvidenceRing(CompiledKernel k, int cells) {
    this.k = k;
    this.delays = k.delays;
    this.channels = k.channels;
    this.ring = new int[cells * delays * channels];
    this.slotOffset = new int[delays];
    this.block = delays * channels;
    this.bucketStart = new int[cells + 1];
  }

  int[] values() {
    return ring;
  }

  /** Index of (cell, slot, channel 0). */
  int base(int cell, int slot) {
    return (cell * delays + slot) * channels;
  }

  void reset() {
    java.util.Arrays.fill(ring, 0);
    pending = 0;
    pendingUnchecked = true;
    saturations = 0;
    setHead(0);
  }

  /** Delay d of an event of bin {@code bin} lands in slot (bin + d) mod D. Drain first. */
  void setHead(long bin) {
    int head = (int) Math.floorMod(bin, (long) delays);
    headSlot = head;
    headOffset = head * channels;
    for (int d = 0; d < delays; d++) {
      int slot = head + d;
      slotOffset[d] = (slot >= delays ? slot - delays : slot) * channels;
    }
  }

  int headSlot() {
    return headSlot;
  }

  /** Queues slice {@code slice} for {@code cell}; {@code unchecked} = provably no overflow. */
  void add(int cell, int slice, boolean unchecked, MotionOutputs out) {
    pendingCell[pending] = cell;
    pendingSlice[pending] = slice;
    pendingUnchecked &= unchecked;
    if (++pending == BATCH) {
      drain(out);
    }
  }

  /** Applies the queued adds. Allocation-free. */
  void drain(MotionOutputs out) {
    int n = pending;
    if (n == 0) {
      return;
    }
    if (!pendingUnchecked) {
      for (int i = 0; i < n; i++) {
        if (k.dense) {
          addDenseChecked(pendingCell[i], pendingSlice[i], out);
        } else {
          addSparseChecked(pendingCell[i], pendingSlice[i], out);
        }
      }
    } else {
      sortByCell(n);
      for (int i = 0; i < n; i++) {
        if (k.dense) {
          addDense(sortedCell[i], sortedSlice[i]);
        } else {
          addSparse(sortedCell[i], sortedSlice[i]);
        }
      }
    }
    pending = 0;
    pendingUnchecked = true;
  }

  /** Stable counting sort of the n queued pairs by cell into sortedCell / sortedSlice: O(n + cells). */
  private void sortByCell(int n) {
    int[] start = bucketStart;
    java.util.Arrays.fill(start, 0);
    for (int i = 0; i < n; i++) {
      start[pendingCell[i] + 1]++;
    }
    for (int c = 1; c < start.length; c++) {
      start[c] += start[c - 1];
    }
    for (int i = 0; i < n; i++) {
      int pos = start[pendingCell[i]]++;
      sortedCell[pos] = pendingCell[i];
      sortedSlice[pos] = pendingSlice[i];
    }
  }

  /** Entry offset e (slot 0 = current bin) lands at e + head 2C, wrapped into the cell's D x 2C block. */
  private void addSparse(int cell, int slice) {
    int[] r = ring;
    int[] p = k.pairs;
    int cellBase = cell * block;
    int h = headOffset;
    int b = block;
    int end = 2 * k.start[slice + 1];
    for (int j = 2 * k.start[slice]; j < end; j += 2) {
      int o = p[j] + h;
      r[cellBase + (o >= b ? o - b : o)] += p[j + 1];
    }
  }

  private void addSparseChecked(int cell, int slice, MotionOutputs out) {
    int[] r = ring;
    int[] p = k.pairs;
    int cellBase = cell * block;
    int end = 2 * k.start[slice + 1];
    for (int j = 2 * k.start[slice]; j < end; j += 2) {
      int o = p[j] + headOffset;
      int idx = cellBase + (o >= block ? o - block : o);
      r[idx] = saturatingAdd(r[idx], p[j + 1], out);
    }
  }

  private void addDense(int cell, int slice) {
    int[] r = ring;
    int[] w = k.denseWeight;
    int ch = channels;
    int cellBase = cell * delays * ch;
    int wBase = slice * delays * ch;
    for (int d = 0; d < delays; d++) {
      int base = cellBase + slotOffset[d];
      int wb = wBase + d * ch;
      for (int c = 0; c < ch; c++) {
        r[base + c] += w[wb + c];
      }
    }
  }

  private void addDenseChecked(int cell, int slice, MotionOutputs out) {
    int[] r = ring;
    int[] w = k.denseWeight;
    int ch = channels;
    int cellBase = cell * delays * ch;
    int wBase = slice * delays * ch;
    for (int d = 0; d < delays; d++) {
      int base = cellBase + slotOffset[d];
      int wb = wBase + d * ch;
      for (int c = 0; c < ch; c++) {
        r[base + c] = saturatingAdd(r[base + c], w[wb + c], out);
      }
    }
  }

  /** a + v clamped to [MIN, MAX]; overflow when a and v share a sign that the wrapped sum lacks. */
  private int saturatingAdd(int a, int v, MotionOutputs out) {
    int sum = a + v;
    if (((a ^ sum) & (v ^ sum)) < 0) {
      saturations++;
      out.faultFlags |= FaultFlags.INTERNAL_SATURATION;
      return a < 0 ? Q16.MIN : Q16.MAX;
    }
    return sum;
  }
}
