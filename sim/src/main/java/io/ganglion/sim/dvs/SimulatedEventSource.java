package io.ganglion.sim.dvs;

import io.ganglion.drivers.events.EventSourceIO;
import io.ganglion.drivers.events.EventSourceInputs;
import java.util.function.LongSupplier;

/**
 * The DVS simulator behind the {@link EventSourceIO} seam, so that it plugs in wherever a sensor
 * or a file replay does. Two modes, as for file replay:
 *
 * <ul>
 *   <li>{@link #asFastAsPossible}: every update delivers a full buffer (the last one may be
 *       shorter), until the movie ends;
 *   <li>{@link #paced}: the first update starts a clock at sensor time 0; each update then delivers
 *       the events with {@code t <= (now_ns - start_ns) * speed / 1000}, simulating only that far.
 * </ul>
 *
 * {@code updateInputs} never throws and allocates nothing in steady state. {@code connected} is
 * true until the movie is over; then {@code endOfStream} is set.
 */
public final class SimulatedEventSource implements EventSourceIO {

  private final DvsSimulator simulator;
  private final double speed;
  private final LongSupplier nanoClock;
  private long startNanos;
  private boolean started;
  private long eventsTotal;
  private long replayUs = -1;
  private boolean closed;

  private SimulatedEventSource(DvsSimulator simulator, double speed, LongSupplier nanoClock) {
    this.simulator = simulator;
    this.speed = speed;
    this.nanoClock = nanoClock;
  }

  /** Delivers events as fast as the consumer takes them. */
  public static SimulatedEventSource asFastAsPossible(DvsSimulator simulator) {
    return new SimulatedEventSource(simulator, 0, null);
  }

  /**
   * Delivers events in (scaled) real time.
   *
   * @param speed 1 = real time, 2 = twice as fast; > 0
   * @param nanoClock e.g. {@code System::nanoTime}; tests drive it by hand
   */
  public static SimulatedEventSource paced(DvsSimulator simulator, double speed, LongSupplier nanoClock) {
    if (!(speed > 0 && speed < 1e9)) {
      throw new io.ganglion.drivers.InvalidInputException("replay speed must be a positive number, got " + speed);
    }
    return new SimulatedEventSource(simulator, speed, nanoClock);
  }

  public DvsSimulator simulator() {
    return simulator;
  }

  @Override
  public void updateInputs(EventSourceInputs inputs) {
    inputs.sensorSize = simulator.size();
    if (closed) {
      inputs.events.clear();
      inputs.connected = false;
      inputs.newStream = false;
      inputs.streamEnds = false;
      inputs.endOfStream = true;
      return;
    }
    long until = Long.MAX_VALUE;
    if (nanoClock != null) {
      long now = nanoClock.getAsLong();
      if (!started) {
        started = true;
        startNanos = now;
      }
      until = (long) ((now - startNanos) * speed / 1000.0);
      replayUs = Math.min(until, simulator.durationUs());
    }
    int n = simulator.next(inputs.events, until);
    eventsTotal += n;
    if (nanoClock == null && n > 0) {
      replayUs = inputs.events.lastTUs();
    }
    boolean end = simulator.finished();
    if (end && nanoClock == null) {
      replayUs = simulator.durationUs();
    }
    inputs.sensorTimeUs = replayUs;
    inputs.eventsTotal = eventsTotal;
    inputs.endOfStream = end;
    inputs.connected = !end;
    inputs.newStream = false;
    inputs.streamEnds = false;
  }

  /**
   * Paced mode: nanoseconds until the replay clock reaches the next known event or the next
   * sample time (0 if due now, -1 when the movie is over or the source is not paced/started).
   */
  public long nanosUntilNextEvent() {
    if (nanoClock == null || !started || simulator.finished()) {
      return -1;
    }
    long next = simulator.nextStagedTUs();
    if (next < 0) {
      next = simulator.timeUs();
    }
    long dueNanos = startNanos + (long) Math.ceil(next * 1000.0 / speed);
    return Math.max(0, dueNanos - nanoClock.getAsLong());
  }

  @Override
  public void close() {
    closed = true;
  }
}
