package io.ganglion.controllers.motion;

import io.ganglion.controllers.fixed.Q16;

/**
 * Run-time settings of a {@link MotionDetector} (the kernel is separate: {@link MotionKernel}).
 * Immutable; {@code withXxx} return modified copies. Validated at construction.
 *
 * <ul>
 *   <li>sensor size: events outside [0, width) x [0, height) are dropped and counted;
 *   <li>spike margin (Q16.16, &gt;= 0): a neuron spikes when its winning class's evidence beats the
 *       runner-up's by at least this much (the winner-vs-runner-up log-odds of the softmax);
 *   <li>spike capacity: spikes one {@code step} can report; further ones are counted as dropped;
 *   <li>backwards tolerance: an event up to this much older than the latest one is processed
 *       as if it had the latest time (counted as clamped); older ones are dropped (out of order);
 *   <li>activity window: the per-class activity readout counts spikes over this many bins;
 *   <li>storage: {@link Storage#SPARSE} skips zero weights (pruning is speed);
 *       {@link Storage#DENSE} walks every weight, zeros included.
 * </ul>
 */
public final class MotionDetectorConfig {

  /** How the detector stores and walks its kernels. */
  public enum Storage {
    /** Lists of (channel, weight) without the zero weights: cost ~ events x non-zero weights. */
    SPARSE,
    /** Every weight, zeros included, in contiguous runs: cost ~ events x all weights. */
    DENSE
  }

  /** The largest sensor side in pixels. */
  public static final int MAX_SIDE_PX = 1 << 16;

  private final int widthPx;
  private final int heightPx;
  private final int spikeMarginQ16;
  private final int spikeCapacity;
  private final long backwardsToleranceUs;
  private final int activityWindowBins;
  private final Storage storage;

  private MotionDetectorConfig(int widthPx, int heightPx, int spikeMarginQ16, int spikeCapacity,
      long backwardsToleranceUs, int activityWindowBins, Storage storage) {
    if (widthPx < 1 || widthPx > MAX_SIDE_PX || heightPx < 1 || heightPx > MAX_SIDE_PX) {
      throw new IllegalArgumentException("motion detector: sensor size must be 1.." + MAX_SIDE_PX + " px per side, got "
          + widthPx + "x" + heightPx);
    }
    if (spikeMarginQ16 < 0) {
      throw new IllegalArgumentException("motion detector: spike margin must be >= 0, got " + Q16.toString(spikeMarginQ16));
    }
    if (spikeCapacity < 1) {
      throw new IllegalArgumentException("motion detector: spike capacity must be >= 1, got " + spikeCapacity);
    }
    if (backwardsToleranceUs < 0) {
      throw new IllegalArgumentException("motion detector: backwards tolerance must be >= 0 us, got " + backwardsToleranceUs);
    }
    if (activityWindowBins < 1 || activityWindowBins > 1 << 16) {
      throw new IllegalArgumentException("motion detector: activity window must be 1..65536 bins, got " + activityWindowBins);
    }
    if (storage == null) {
      throw new IllegalArgumentException("motion detector: storage must not be null");
    }
    this.widthPx = widthPx;
    this.heightPx = heightPx;
    this.spikeMarginQ16 = spikeMarginQ16;
    this.spikeCapacity = spikeCapacity;
    this.backwardsToleranceUs = backwardsToleranceUs;
    this.activityWindowBins = activityWindowBins;
    this.storage = storage;
  }

  /** A sensor of {@code widthPx x heightPx}, margin 0, 4096 spikes per step, 1 ms tolerance, 25-bin activity, sparse. */
  public static MotionDetectorConfig of(int widthPx, int heightPx) {
    return new MotionDetectorConfig(widthPx, heightPx, 0, 4096, 1_000, 25, Storage.SPARSE);
  }

  public MotionDetectorConfig withSpikeMarginQ16(int marginQ16) {
    return new MotionDetectorConfig(widthPx, heightPx, marginQ16, spikeCapacity, backwardsToleranceUs,
        activityWindowBins, storage);
  }

  public MotionDetectorConfig withSpikeMargin(double margin) {
    if (!Double.isFinite(margin)) {
      throw new IllegalArgumentException("motion detector: spike margin must be finite, got " + margin);
    }
    return withSpikeMarginQ16(Q16.fromDouble(margin));
  }

  public MotionDetectorConfig withSpikeCapacity(int capacity) {
    return new MotionDetectorConfig(widthPx, heightPx, spikeMarginQ16, capacity, backwardsToleranceUs,
        activityWindowBins, storage);
  }

  public MotionDetectorConfig withBackwardsToleranceUs(long toleranceUs) {
    return new MotionDetectorConfig(widthPx, heightPx, spikeMarginQ16, spikeCapacity, toleranceUs,
        activityWindowBins, storage);
  }

  public MotionDetectorConfig withActivityWindowBins(int bins) {
    return new MotionDetectorConfig(widthPx, heightPx, spikeMarginQ16, spikeCapacity, backwardsToleranceUs,
        bins, storage);
  }

  public MotionDetectorConfig withStorage(Storage s) {
    return new MotionDetectorConfig(widthPx, heightPx, spikeMarginQ16, spikeCapacity, backwardsToleranceUs,
        activityWindowBins, s);
  }

  public int widthPx() {
    return widthPx;
  }

  public int heightPx() {
    return heightPx;
  }

  public int spikeMarginQ16() {
    return spikeMarginQ16;
  }

  public int spikeCapacity() {
    return spikeCapacity;
  }

  public long backwardsToleranceUs() {
    return backwardsToleranceUs;
  }

  public int activityWindowBins() {
    return activityWindowBins;
  }

  public Storage storage() {
    return storage;
  }
}
