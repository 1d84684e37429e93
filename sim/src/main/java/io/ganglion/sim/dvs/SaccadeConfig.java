package io.ganglion.sim.dvs;

import io.ganglion.drivers.InvalidInputException;

/**
 * Saccade-like random walks: the motion keeps one class for a random time drawn uniformly in
 * {@code [minSegmentUs, maxSegmentUs]}, then switches to another class drawn uniformly among the
 * other classes (the texture does not jump: the position is continuous).
 */
public record SaccadeConfig(long minSegmentUs, long maxSegmentUs) {

  /** Validates the bounds. */
  public SaccadeConfig {
    if (minSegmentUs < 1000 || maxSegmentUs < minSegmentUs) {
      throw new InvalidInputException("saccade segments need 1 ms <= min <= max, got " + minSegmentUs + ".." + maxSegmentUs + " us");
    }
  }

  /** Segments of 50 to 150 ms. */
  public static SaccadeConfig defaults() {
    return new SaccadeConfig(50_000, 150_000);
  }
}
