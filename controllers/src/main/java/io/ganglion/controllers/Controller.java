package io.ganglion.controllers;

/**
 * The contract of every control law.
 *
 * <p>The caller allocates one input record and one output record when it builds the loop and
 * passes the same two to every {@link #step}. Records hold primitive fields and arrays only, in
 * the law's fixed-point format (Q16.16 unless the law documents another).
 *
 * <ul>
 *   <li>{@link #step} allocates nothing, is deterministic (bit-identical outputs for identical
 *       inputs and state on any JVM) and never throws on data: inputs it cannot use set a bit in
 *       {@link ControllerOutputs#faultFlags} and the outputs take the law's documented safe value.
 *   <li>{@link #reset} returns the law to the state it had right after construction.
 *   <li>Validation of the law's parameters happens once, in its constructor or factory, with
 *       {@link IllegalArgumentException}s that say what is wrong and how to fix it.
 * </ul>
 *
 * @param <I> the input record
 * @param <O> the output record
 */
public interface Controller<I, O extends ControllerOutputs> {

  /** Returns the internal state to its initial value. */
  void reset();

  /** Computes one control step from {@code in} into {@code out}. Allocation-free; never throws on data. */
  void step(I in, O out);
}
