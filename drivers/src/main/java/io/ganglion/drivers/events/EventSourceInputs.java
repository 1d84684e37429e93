package io.ganglion.drivers.events;

import io.ganglion.drivers.GanglionException;

/**
 * What an {@link EventSourceIO} reports each tick (AdvantageKit "inputs" style: public mutable
 * fields that the source overwrites in {@link EventSourceIO#updateInputs}). Counters are totals
 * since the source was created.
 */
public final class EventSourceInputs {

  /** The events that arrived since the previous update (cleared and refilled each update). */
  public final EventBuffer events;

  /**
   * True when {@link #events} begin a new stream, whose time order starts afresh: the first events
   * of a TCP connection, of a UDP sender back after a silence, or of a sender that restarted its
   * clock. The events of two streams never come in one update. Network sources only.
   */
  public boolean newStream;
  /**
   * True when a later stream has begun after {@link #events} (and any earlier events): the current
   * stream is over even if its sender stays connected, e.g. a TCP client disconnected and the next
   * one, already accepted, sends nothing yet. Network sources only.
   */
  public boolean streamEnds;
  /** True while the source can deliver: file open, TCP client connected, UDP datagrams recent. */
  public boolean connected;
  /** True once no event will ever come again (file fully replayed, fatal failure, source closed). */
  public boolean endOfStream;
  /** The source's clock in event time (us): the replay position, or the latest event's time; -1 before any. */
  public long sensorTimeUs = -1;
  /** Sensor size if the source knows it, else {@link SensorSize#UNKNOWN}. */
  public SensorSize sensorSize = SensorSize.UNKNOWN;

  /** Events delivered so far. */
  public long eventsTotal;
  /** Events lost because the consumer fell behind (network receive ring full). */
  public long droppedEvents;
  /** Malformed data dropped: partial words, datagrams that are not whole words, out-of-range coordinates. */
  public long malformed;
  /** Events dropped because their time went back further than the tolerance. */
  public long outOfOrder;
  /** Records skipped by design: non-CD words, CD words before the first TIME_HIGH, IMU/APS samples. */
  public long skipped;
  /** Times an event went back within the tolerance and was clamped. */
  public long jitterClamped;
  /**
   * Network: streams begun: TCP connections accepted; UDP the first datagram and each one after a
   * silence; plus sender restarts (a clock more than 1 s back).
   */
  public long connections;
  /**
   * Network: stream starts that could not be marked (more than 64 waiting between the receive
   * thread and the loop): two streams came as one.
   */
  public long streamMarksLost;
  /** I/O errors seen (and recovered from where possible). */
  public long ioErrors;

  /** The fatal error that ended the stream (e.g. a malformed file), or null. */
  public GanglionException failure;

  /** Inputs with room for {@code capacity} events per update. */
  public EventSourceInputs(int capacity) {
    events = new EventBuffer(capacity);
  }
}
