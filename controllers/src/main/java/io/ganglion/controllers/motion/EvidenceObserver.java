package io.ganglion.controllers.motion;

/**
 * Sees the evidence of a {@link MotionDetector} (tests and tools). Arrays are valid during the
 * call only. With an observer set, the detector also sums each event's layer evidence on its own
 * (a second pass over the event's rows, in the order (dy, dx, polarity)), which it otherwise only
 * adds into the neuron.
 */
public interface EvidenceObserver {

  /**
   * The layer's evidence at an accepted event: E_c = sum of the kernel rows found + bias_c.
   *
   * @param tUs the event's time (after the backwards-tolerance clamp)
   */
  default void event(long tUs, int x, int y, int[] eventEvidenceQ16) {}

  /**
   * An output neuron's readout at the end of bin {@code bin}, before the spike decision.
   *
   * @param neuronEvidenceQ16 V_c per class, Q16.16
   */
  default void readout(long bin, int cellX, int cellY, int[] neuronEvidenceQ16) {}
}
