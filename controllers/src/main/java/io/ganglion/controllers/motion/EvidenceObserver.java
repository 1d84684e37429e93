package io.ganglion.controllers.motion;

/**
 * Sees every neuron's evidence at each readout of a {@link MotionDetector} (tests and tools: the
 * detector calls it for every active neuron, before the spike decision).
 */
@FunctionalInterface
public interface EvidenceObserver {

  /**
   * @param bin the bin read out (its end is the readout time)
   * @param cellX the neuron's cell column
   * @param cellY the neuron's cell row
   * @param evidenceQ16 E_c = max(direct, swapped) + bias per class, Q16.16; valid during the call only
   */
  void evidence(long bin, int cellX, int cellY, int[] evidenceQ16);
}
