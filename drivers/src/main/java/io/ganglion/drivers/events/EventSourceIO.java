package io.ganglion.drivers.events;

/**
 * The hardware seam of an event camera (AdvantageKit style): the control loop calls {@link
 * #updateInputs} once per tick and gets the events that arrived since the previous call in {@link
 * EventSourceInputs#events}, plus the source's status and counters.
 *
 * <p>Implementations here: {@link FileReplayEventSource} (a recording, paced by its timestamps or
 * as fast as possible), {@link TcpEvt2EventSource} and {@link UdpEvt2EventSource} (live EVT 2.0
 * words bridged from other software). The simulator implements it in the sim module.
 *
 * <p>Contract for implementations: {@code updateInputs} clears {@code inputs.events} and refills
 * it (at most its capacity; the rest waits for the next call), never blocks for long, never
 * throws (faults become {@code inputs} flags and counters, a fatal one sets {@code inputs.failure}
 * and {@code inputs.endOfStream}), and allocates nothing. Events are in non-decreasing time order
 * within a stream (a network source may start a new one: {@link EventSourceInputs#newStream}).
 */
public interface EventSourceIO extends AutoCloseable {

  /** Fills {@code inputs} with the events available now and the current status. */
  void updateInputs(EventSourceInputs inputs);

  /** Releases the source (files, sockets, threads); idempotent. */
  @Override
  default void close() {}
}
