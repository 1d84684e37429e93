package io.ganglion.drivers.events;

/**
 * The part of the TCP and UDP sources shared by both: a daemon receive thread decodes EVT 2.0
 * words into an {@link EventRing}; {@link #updateInputs} (loop thread) drains it without blocking
 * or allocating.
 */
abstract class AbstractNetworkEventSource implements EventSourceIO {

  final Evt2StreamConfig config;
  final Evt2StreamDecoder decoder;
  private final EventRing ring;
  private Thread thread;
  volatile boolean closed;
  volatile long ioErrors;
  volatile SensorSize announcedSize = SensorSize.UNKNOWN;
  private long delivered;
  private long lastDeliveredTUs = -1;

  AbstractNetworkEventSource(Evt2StreamConfig config) {
    this.config = config;
    this.ring = new EventRing(config.ringCapacity());
    this.decoder = new Evt2StreamDecoder(ring, config.sensorSize(), config.backwardsToleranceUs());
  }

  /** Starts the receive thread; subclasses call it at the end of construction. */
  final void start(String threadName) {
    thread = new Thread(this::receiveLoop, threadName);
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs on the receive thread until {@link #closed}. */
  abstract void receiveLoop();

  /** Waits a little after an I/O error so that a persistent one does not spin the thread. */
  static void backOff() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** True while data can arrive (TCP: a client is connected; UDP: recent datagrams). */
  abstract boolean isConnected();

  /** Stream starts: TCP connections accepted, UDP first datagram; sender restarts are added. */
  abstract long streamStarts();

  /** Closes the sockets so that the receive thread's blocking call returns. */
  abstract void closeSockets();

  @Override
  public final void updateInputs(EventSourceInputs inputs) {
    // The status is read before the drain, each in the order its writer's thread reverses: the
    // receive thread sets the client, then counts the stream start, and pushes a client's events
    // before it marks the client gone. So a start seen here has its connection visible, and a
    // sender seen gone has all it sent in the ring: "not connected and nothing drained" means done.
    long starts = streamStarts() + decoder.publishedRestarts;
    boolean connected = !closed && isConnected();
    inputs.events.clear();
    int n = ring.drainTo(inputs.events);
    inputs.newStream = ring.drainStartedStream();
    inputs.streamEnds = ring.nextStartsStream();
    delivered += n;
    inputs.eventsTotal = delivered;
    // connected after the drain too: a datagram at the edge of UDP's staleness is not a sender gone
    inputs.connected = connected || !closed && isConnected();
    inputs.endOfStream = closed;
    if (n > 0) {
      lastDeliveredTUs = inputs.events.lastTUs();
    }
    inputs.sensorTimeUs = lastDeliveredTUs;
    inputs.sensorSize = config.sensorSize().isKnown() ? config.sensorSize() : announcedSize;
    inputs.droppedEvents = decoder.publishedDropped;
    inputs.malformed = decoder.publishedMalformed;
    inputs.outOfOrder = decoder.publishedOutOfOrder;
    inputs.skipped = decoder.publishedSkipped;
    inputs.jitterClamped = decoder.publishedJitter;
    inputs.connections = starts;
    inputs.streamMarksLost = decoder.publishedLostMarks;
    inputs.ioErrors = ioErrors;
  }

  @Override
  public final void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeSockets();
    if (thread != null) {
      try {
        thread.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
