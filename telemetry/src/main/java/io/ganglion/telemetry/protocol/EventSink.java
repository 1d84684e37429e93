package io.ganglion.telemetry.protocol;

/**
 * Where faults, failsafe transitions and command verdicts go to be published on {@code
 * robots/<board>/events}. Implementations never block, never throw and (given constant strings)
 * never allocate; a full queue drops the event and counts it.
 */
@FunctionalInterface
public interface EventSink {

  /**
   * Queues an event.
   *
   * @param tUs board time in microseconds
   * @param kind snake_case kind (a constant such as {@code "failsafe"})
   * @param detail free text or null (a constant on hot paths)
   * @param value a number, or NaN for none
   * @return false when the event was dropped
   */
  boolean offerEvent(long tUs, String kind, String detail, double value);
}
