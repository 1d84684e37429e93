package io.ganglion.controllers.motion;

import io.ganglion.controllers.ControllerOutputs;

/**
 * What a {@link MotionDetector} step writes: the spikes emitted during the step, the per-class
 * activity, and the detector's cumulative counters. Allocated once by {@link
 * MotionDetector#newOutputs()}.
 *
 * <p>A spike is (x, y, t, class): the centre pixel of the neuron's window, the end of the bin
 * whose readout produced it, and the winning class, with its evidence and its margin over the
 * runner-up (Q16.16).
 */
public final class MotionOutputs extends ControllerOutputs {

  public final int[] spikeX;
  public final int[] spikeY;
  public final long[] spikeTUs;
  public final int[] spikeClass;
  public final int[] spikeEvidenceQ16;
  public final int[] spikeMarginQ16;
  /** Spikes valid at 0 .. spikeCount - 1. */
  public int spikeCount;
  /** Spikes of this step that did not fit (capacity); they are lost. */
  public int spikesDropped;

  /** Spikes per class over the last {@code activityWindowBins} bins read out. */
  public final int[] activity;
  /** Spikes per class since construction or reset. */
  public final long[] spikeTotals;

  /** Cumulative counters (since construction or reset). */
  public long eventsProcessed;
  public long eventsOutOfRange;
  public long eventsOutOfOrder;
  public long eventsClamped;
  public long saturations;
  public long spikesDroppedTotal;
  /** The bin the detector is in (floor(t / binUs) of the latest event or advance); meaningful once an event came. */
  public long currentBin;

  /** Outputs for {@code classes} classes and {@code spikeCapacity} spikes per step. */
  public MotionOutputs(int classes, int spikeCapacity) {
    spikeX = new int[spikeCapacity];
    spikeY = new int[spikeCapacity];
    spikeTUs = new long[spikeCapacity];
    spikeClass = new int[spikeCapacity];
    spikeEvidenceQ16 = new int[spikeCapacity];
    spikeMarginQ16 = new int[spikeCapacity];
    activity = new int[classes];
    spikeTotals = new long[classes];
  }

  /** The spike capacity per step. */
  public int spikeCapacity() {
    return spikeX.length;
  }
}
