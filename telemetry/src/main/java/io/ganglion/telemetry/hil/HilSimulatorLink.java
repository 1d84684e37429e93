package io.ganglion.telemetry.hil;

import io.ganglion.telemetry.mqtt.MqttSettings;

/**
 * The simulator's side of a lock-step HIL session: {@link #exchange} publishes the sensors of step
 * {@code seq} on {@code hil/<session>/sensors}, waits for the board's actuators of the same
 * {@code seq} on {@code hil/<session>/actuators} (answers for other steps are ignored),
 * retransmits the sensors when no answer came within {@code retransmitNanos}, and gives up after
 * {@code timeoutNanos} (the caller pauses and reports). {@link #end} ends the run the same way,
 * until the board acknowledges. Used by one thread.
 */
public final class HilSimulatorLink extends HilEndpoint {

  private final HilFrame answer;
  private long exchanges;
  private long retransmits;
  private long timeouts;
  private long ignored;

  private HilSimulatorLink(MqttSettings mqtt, String session, int maxValues) {
    super(mqtt, HilTopics.actuators(session), HilTopics.sensors(session), maxValues);
    this.answer = new HilFrame(maxValues);
  }

  /** Connects (waiting at most {@code timeoutMillis}) and subscribes to the board's answers. */
  public static HilSimulatorLink connect(MqttSettings mqtt, String session, int maxValues, long timeoutMillis) {
    HilSimulatorLink l = new HilSimulatorLink(mqtt, session, maxValues);
    l.connect(timeoutMillis);
    return l;
  }

  @Override
  boolean accepts(HilFrame.Kind kind) {
    return kind == HilFrame.Kind.ACTUATORS || kind == HilFrame.Kind.END_ACK;
  }

  /**
   * One lock-step exchange.
   *
   * @param actuatorsOut receives the board's answer for {@code seq}
   * @return true when answered; false after {@code timeoutNanos} without an answer
   */
  public boolean exchange(long seq, long tUs, double[] sensors, int n, HilFrame actuatorsOut, long retransmitNanos,
      long timeoutNanos) {
    int length = HilFrame.encode(HilFrame.Kind.SENSORS, seq, tUs, sensors, n, sendBuffer);
    long start = System.nanoTime();
    long giveUp = start + timeoutNanos;
    send(length);
    long nextSend = start + retransmitNanos;
    while (true) {
      long until = Math.min(giveUp, nextSend);
      if (take(answer, until)) {
        if (answer.kind() == HilFrame.Kind.ACTUATORS && answer.seq() == seq) {
          actuatorsOut.copyFrom(answer);
          exchanges++;
          return true;
        }
        ignored++; // a late answer to an earlier step (or an end acknowledged twice)
        continue;
      }
      long now = System.nanoTime();
      if (now - giveUp >= 0) {
        timeouts++;
        return false;
      }
      HilFrame.encode(HilFrame.Kind.SENSORS, seq, tUs, sensors, n, sendBuffer);
      send(length);
      retransmits++;
      nextSend = now + retransmitNanos;
    }
  }

  /**
   * Tells the board the run is over and waits for its acknowledgement: END is sent again every
   * {@code retransmitNanos} without one (frames are QoS 0, and a publish can fail while the link
   * reconnects), until {@code timeoutNanos}. Without it a lost END would leave the board waiting
   * until it gives up.
   *
   * @return true when the board acknowledged the end of {@code seq}; false after {@code timeoutNanos}
   */
  public boolean end(long seq, long tUs, long retransmitNanos, long timeoutNanos) {
    int length = HilFrame.encode(HilFrame.Kind.END, seq, tUs, new double[0], 0, sendBuffer);
    long start = System.nanoTime();
    long giveUp = start + timeoutNanos;
    send(length);
    long nextSend = start + retransmitNanos;
    while (true) {
      if (take(answer, Math.min(giveUp, nextSend))) {
        if (answer.kind() == HilFrame.Kind.END_ACK && answer.seq() == seq) {
          return true;
        }
        ignored++; // a late answer to a step
        continue;
      }
      long now = System.nanoTime();
      if (now - giveUp >= 0) {
        return false;
      }
      HilFrame.encode(HilFrame.Kind.END, seq, tUs, new double[0], 0, sendBuffer);
      send(length);
      retransmits++;
      nextSend = now + retransmitNanos;
    }
  }

  /** Answered exchanges. */
  public long exchanges() {
    return exchanges;
  }

  /** Sensor and END frames sent again because no answer came in time. */
  public long retransmits() {
    return retransmits;
  }

  /** Exchanges that timed out. */
  public long timeouts() {
    return timeouts;
  }

  /** Answers to other steps, ignored. */
  public long ignoredAnswers() {
    return ignored;
  }
}
